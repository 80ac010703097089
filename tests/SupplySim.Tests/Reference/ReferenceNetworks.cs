namespace SupplySim.Tests.Reference;

/// <summary>
/// Small networks for the reference-agreement tests. Each is sized so that its feature actually bites within a
/// short horizon (shortages happen, licences are denied, shipments are seized, quotas bind, stockpiles release).
/// </summary>
internal static class ReferenceNetworks
{
    /// <summary>Producer to consumer with noisy demand and backorders; an outage-prone mine; a demand shock.</summary>
    public const string BackorderChain = """
        name: backorder chain
        start: 2024-01-01
        horizon: 240d
        materials:
          - id: sb
        nodes:
          - id: mine
            kind: producer
            country: CN
            material: sb
            capacity: {dist: triangular, min: 9, mode: 11, max: 13, unit: t/d}
            policy: order_up_to
            days_of_cover: 10d
            initial_inventory: {sb: 60 t}
          - id: user
            kind: consumer
            country: US
            sector: defense
            demand: {sb: {dist: uniform, min: 9, max: 11, unit: t/d}}
            demand_cv: 0.4
            unmet: backorder
            days_of_cover: 6d
            initial_inventory: {sb: 40 t}
        lanes:
          - from: mine
            to: user
            lead_time: {dist: uniform, min: 3d, max: 9d}
        scenarios:
          - id: outages
            events:
              - type: disruption
                start: 2024-02-01
                node: mine
                rate_per_year: 8
                duration: {dist: uniform, min: 5d, max: 20d}
                capacity_lost: {dist: uniform, min: 0.5, max: 1.0}
          - id: demand-surge
            events:
              - type: demand_shock
                start: 2024-03-01
                end: 2024-05-01
                node: user
                multiplier: {dist: uniform, min: 1.2, max: 1.6}
        """;

    /// <summary>
    /// A magnet maker with a two-input recipe fed by a push mine and a make-to-stock mine, serving a backordering
    /// s_S consumer (priority 1) and a lost-sales consumer (priority 5); its capacity halves on a ramp whose length
    /// each trial draws (0 days: at once).
    /// </summary>
    public const string Processor = """
        name: processor
        start: 2024-01-01
        horizon: 200d
        materials:
          - id: ore
          - id: add
          - id: mag
        nodes:
          - id: ore-mine
            kind: producer
            country: CN
            material: ore
            capacity: {dist: uniform, min: 22, max: 30, unit: t/d}
          - id: add-mine
            kind: producer
            country: AU
            material: add
            capacity: {dist: uniform, min: 1.0, max: 1.6, unit: t/d}
            policy: order_up_to
            days_of_cover: 20d
            initial_inventory: {add: 10 t}
          - id: maker
            kind: processor
            country: JP
            recipe:
              output: mag
              inputs: {ore: 2.0, add: {dist: uniform, min: 0.08, max: 0.12}}
            capacity: {dist: triangular, min: 10, mode: 12, max: 15, unit: t/d}
            days_of_cover: 15d
            policy: order_up_to
            initial_inventory: {ore: 40 t, add: 2 t, mag: 30 t}
          - id: ev
            kind: consumer
            country: US
            sector: ev
            demand: {mag: 6 t/d}
            demand_cv: 0.3
            priority: 1
            unmet: backorder
            policy: s_S
            reorder_point: 10d
            order_up_to: 30d
            initial_inventory: 20d
          - id: row
            kind: consumer
            country: DE
            sector: rest-of-world
            demand: {mag: 7 t/d}
            demand_cv: 0.3
            priority: 5
            unmet: lost_sales
            days_of_cover: 10d
            initial_inventory: 10d
        lanes:
          - from: ore-mine
            to: maker
            lead_time: {dist: uniform, min: 2d, max: 6d}
          - from: add-mine
            to: maker
            lead_time: {dist: triangular, min: 5d, mode: 8d, max: 15d}
          - from: maker
            to: ev
            lead_time: {dist: uniform, min: 3d, max: 7d}
          - from: maker
            to: row
            lead_time: 4d
        scenarios:
          - id: shock-and-cut
            events:
              - type: demand_shock
                start: 2024-03-01
                end: 2024-04-01
                sector: ev
                multiplier: 1.5
              - type: capacity_change
                start: 2024-04-15
                node: maker
                multiplier: 0.5
                ramp: {dist: uniform, min: 0d, max: 28d}
        """;

    /// <summary>
    /// Chinese antimony reaching the US directly and through a Thai transshipper (capacity, delay, leak,
    /// interdiction), under a ban with and without extraterritorial reach, and an extraterritorial licence.
    /// </summary>
    public const string Transshipper = """
        name: transshipper
        start: 2024-01-01
        horizon: 210d
        materials:
          - id: sb
        nodes:
          - id: cn
            kind: producer
            country: CN
            material: sb
            capacity: 22 t/d
            policy: order_up_to
            days_of_cover: 10d
            initial_inventory: {sb: 150 t}
          - id: vn
            kind: producer
            country: VN
            material: sb
            capacity: {dist: uniform, min: 3, max: 6, unit: t/d}
            policy: order_up_to
            days_of_cover: 10d
            initial_inventory: {sb: 30 t}
          - id: th
            kind: transshipper
            country: TH
            materials: [sb]
            capacity: {dist: uniform, min: 6, max: 10, unit: t/d}
            delay: {dist: uniform, min: 2d, max: 6d}
            leak_fraction: {dist: uniform, min: 0.3, max: 0.8}
            interdiction_probability: 0.2
          - id: us
            kind: consumer
            country: US
            sector: defense
            demand: {sb: 12 t/d}
            demand_cv: 0.2
            days_of_cover: 10d
            initial_inventory: 10d
          - id: de
            kind: consumer
            country: DE
            sector: industrial
            demand: {sb: 5 t/d}
            demand_cv: 0.2
            unmet: lost_sales
            days_of_cover: 10d
            initial_inventory: 10d
        lanes:
          - from: cn
            to: th
            lead_time: {dist: uniform, min: 3d, max: 6d}
          - from: vn
            to: th
            lead_time: {dist: uniform, min: 4d, max: 8d}
          - from: cn
            to: us
            lead_time: {dist: uniform, min: 10d, max: 20d}
            share: 0.6
          - from: th
            to: us
            lead_time: {dist: uniform, min: 5d, max: 10d}
            share: 0.4
          - from: vn
            to: us
            lead_time: 12d
            capacity: 3 t/d
            share: 0.2
          - from: cn
            to: de
            lead_time: {dist: uniform, min: 10d, max: 15d}
            share: 0.7
          - from: th
            to: de
            lead_time: 8d
            share: 0.3
        scenarios:
          - id: extraterritorial-ban
            events:
              - type: export_control
                start: 2024-02-01
                exporter: CN
                materials: [sb]
                destinations: [US]
                mode: ban
                extraterritorial: true
              - type: enforcement
                start: 2024-04-01
                node: th
                leak_fraction: 0.1
                interdiction_probability: {dist: uniform, min: 0.3, max: 0.6}
          - id: plain-ban
            events:
              - type: export_control
                start: 2024-02-01
                exporter: CN
                materials: [sb]
                destinations: [US]
                mode: ban
          - id: extraterritorial-licence
            events:
              - type: export_control
                id: cn-licence
                start: 2024-01-20
                exporter: CN
                materials: [sb]
                destinations: "*"
                mode: license
                extraterritorial: true
                processing_time: {dist: uniform, min: 10d, max: 25d}
                approval_probability: {dist: uniform, min: 0.3, max: 0.7}
        """;

    /// <summary>
    /// A licence regime with processing delay and approval below one, per-destination approval and a denied
    /// sector, alternatives to reroute to; and a regime change where a second control takes over the same lanes
    /// while applications under the first are still pending.
    /// </summary>
    public const string Licensing = """
        name: licensing
        start: 2024-01-01
        horizon: 240d
        materials:
          - id: ga
        nodes:
          - id: cn
            kind: producer
            country: CN
            material: ga
            capacity: 30 t/d
            policy: order_up_to
            days_of_cover: 15d
            initial_inventory: {ga: 300 t}
          - id: jp
            kind: producer
            country: JP
            material: ga
            capacity: {dist: uniform, min: 4, max: 8, unit: t/d}
            policy: order_up_to
            days_of_cover: 15d
            initial_inventory: {ga: 50 t}
          - id: radar
            kind: consumer
            country: US
            sector: defense
            demand: {ga: 4 t/d}
            demand_cv: 0.25
            priority: 1
            days_of_cover: 20d
            initial_inventory: 20d
          - id: telco
            kind: consumer
            country: US
            sector: telecom
            demand: {ga: 6 t/d}
            demand_cv: 0.25
            priority: 3
            days_of_cover: 20d
            initial_inventory: 20d
          - id: eu
            kind: consumer
            country: DE
            sector: telecom
            demand: {ga: 8 t/d}
            demand_cv: 0.25
            priority: 5
            unmet: lost_sales
            days_of_cover: 20d
            initial_inventory: 20d
        lanes:
          - from: cn
            to: radar
            lead_time: {dist: uniform, min: 5d, max: 15d}
            share: 0.7
          - from: jp
            to: radar
            lead_time: {dist: uniform, min: 5d, max: 12d}
            share: 0.3
          - from: cn
            to: telco
            lead_time: {dist: uniform, min: 5d, max: 15d}
            share: 0.8
          - from: jp
            to: telco
            lead_time: {dist: uniform, min: 5d, max: 12d}
            share: 0.2
          - from: cn
            to: eu
            lead_time: {dist: triangular, min: 8d, mode: 12d, max: 20d}
            share: 0.9
          - from: jp
            to: eu
            lead_time: {dist: uniform, min: 5d, max: 12d}
            share: 0.1
        scenarios:
          - id: licence
            events:
              - type: export_control
                id: ga-licence
                start: 2024-01-15
                exporter: CN
                materials: [ga]
                destinations: "*"
                mode: license
                processing_time: {dist: triangular, min: 10wd, mode: 20wd, max: 40wd}
                approval_probability: {dist: uniform, min: 0.3, max: 0.8}
                approval_by_destination: {DE: 0.9}
                deny_sectors: [defense]
          - id: regime-change
            events:
              - type: export_control
                id: first-regime
                start: 2024-01-15
                end: 2024-03-01
                exporter: CN
                materials: [ga]
                destinations: "*"
                mode: license
                processing_time: {dist: uniform, min: 20d, max: 40d}
                approval_probability: 0.95
              - type: export_control
                id: second-regime
                start: 2024-03-01
                exporter: CN
                materials: [ga]
                destinations: "*"
                mode: license
                processing_time: {dist: uniform, min: 20d, max: 40d}
                approval_probability: 0.1
          - id: licence-validity
            events:
              - type: export_control
                id: ga-licence-valid
                start: 2024-01-01
                exporter: CN
                materials: [ga]
                destinations: "*"
                mode: license
                processing_time: {dist: triangular, min: 10wd, mode: 20wd, max: 40wd}
                approval_probability: {dist: uniform, min: 0.3, max: 0.8}
                deny_sectors: [defense]
                validity: {dist: uniform, min: 0d, max: 60d}
          - id: regime-change-validity
            events:
              - type: export_control
                id: first-valid-regime
                start: 2024-01-01
                end: 2024-03-01
                exporter: CN
                materials: [ga]
                destinations: "*"
                mode: license
                processing_time: {dist: uniform, min: 20d, max: 40d}
                approval_probability: 0.95
                validity: {dist: uniform, min: 10d, max: 90d}
              - type: export_control
                id: second-valid-regime
                start: 2024-03-01
                exporter: CN
                materials: [ga]
                destinations: "*"
                mode: license
                processing_time: {dist: uniform, min: 20d, max: 40d}
                approval_probability: 0.1
                validity: 30d
        """;

    /// <summary>
    /// A buyer with three suppliers: a ban on the main one reroutes to the other two lanes (one with a capacity, one
    /// outage-prone); node and country quotas on two Chinese producers.
    /// </summary>
    public const string Rerouting = """
        name: rerouting
        start: 2024-10-01
        horizon: 240d
        materials:
          - id: ge
        nodes:
          - id: cn-a
            kind: producer
            country: CN
            material: ge
            capacity: 12 t/d
            policy: order_up_to
            days_of_cover: 10d
            initial_inventory: {ge: 100 t}
          - id: cn-b
            kind: producer
            country: CN
            material: ge
            capacity: {dist: uniform, min: 4, max: 8, unit: t/d}
            quota: 500 t/yr
          - id: be
            kind: producer
            country: BE
            material: ge
            capacity: 7 t/d
            policy: order_up_to
            days_of_cover: 10d
            initial_inventory: {ge: 50 t}
          - id: ca
            kind: producer
            country: CA
            material: ge
            capacity: 5 t/d
            policy: order_up_to
            days_of_cover: 10d
            initial_inventory: {ge: 40 t}
          - id: optics
            kind: consumer
            country: US
            sector: defense
            demand: {ge: {dist: uniform, min: 9, max: 12, unit: t/d}}
            demand_cv: 0.3
            days_of_cover: 15d
            initial_inventory: 15d
          - id: fibre
            kind: consumer
            country: KR
            sector: telecom
            demand: {ge: 6 t/d}
            demand_cv: 0.3
            unmet: lost_sales
            days_of_cover: 10d
            initial_inventory: 10d
        lanes:
          - from: cn-a
            to: optics
            lead_time: {dist: uniform, min: 8d, max: 14d}
            share: 0.6
          - from: be
            to: optics
            lead_time: {dist: uniform, min: 6d, max: 12d}
            capacity: {dist: uniform, min: 4, max: 6, unit: t/d}
            share: 0.3
          - from: ca
            to: optics
            lead_time: 5d
            share: 0.1
          - from: cn-a
            to: fibre
            lead_time: 7d
            share: 0.5
          - from: cn-b
            to: fibre
            lead_time: {dist: uniform, min: 4d, max: 9d}
          - from: be
            to: fibre
            lead_time: 10d
            share: 0.5
        scenarios:
          - id: ban-and-outages
            events:
              - type: export_control
                start: 2024-11-01
                exporter: CN
                materials: [ge]
                destinations: [US]
                mode: ban
              - type: disruption
                start: 2024-11-01
                lane: be->optics
                rate_per_year: 10
                duration: {dist: uniform, min: 3d, max: 15d}
                capacity_lost: {dist: discrete, values: [0.5, 1.0], weights: [1, 1]}
          - id: quotas
            events:
              - type: quota
                start: 2024-11-01
                node: cn-a
                annual: {dist: uniform, min: 800, max: 1200, unit: t/yr}
              - type: quota
                start: 2025-01-01
                country: CN
                materials: [ge]
                annual: 3000 t/yr
        """;

    /// <summary>
    /// A defense prime whose product needs two materials together (coupled bill of materials), a stockpile with a
    /// standing release rule and acquisition, a second one releasing to the same prime (each must see what the other
    /// released the same day), and an event that opens a release to a civilian user during a ban.
    /// </summary>
    public const string StockpileAndBillOfMaterials = """
        name: stockpile and bill of materials
        start: 2024-01-01
        horizon: 200d
        materials:
          - id: a
          - id: b
        nodes:
          - id: cn-a
            kind: producer
            country: CN
            material: a
            capacity: 12 t/d
            policy: order_up_to
            days_of_cover: 10d
            initial_inventory: {a: 80 t}
          - id: us-b
            kind: producer
            country: US
            material: b
            capacity: {dist: uniform, min: 2, max: 3, unit: t/d}
            policy: order_up_to
            days_of_cover: 10d
            initial_inventory: {b: 20 t}
          - id: nds
            kind: stockpile
            country: US
            initial_inventory: {a: {dist: uniform, min: 100, max: 400, unit: t}}
            release:
              to: [prime]
              below_cover_days: 15d
              rate: 5 t/d
              lead_time: {dist: uniform, min: 3d, max: 8d}
            acquisition: {a: 300 t}
          - id: dla
            kind: stockpile
            country: US
            initial_inventory: {a: 60 t}
            release: {to: [prime], below_cover_days: 15d, rate: 3 t/d, lead_time: 2d}
          - id: prime
            kind: consumer
            country: US
            sector: defense
            demand: {a: 4 t/d, b: 2 t/d}
            demand_cv: 0.3
            coupled: true
            priority: 1
            days_of_cover: 20d
            initial_inventory: 20d
          - id: civ
            kind: consumer
            country: US
            sector: industrial
            demand: {a: 5 t/d}
            demand_cv: 0.3
            priority: 3
            days_of_cover: 15d
            initial_inventory: 15d
        lanes:
          - from: cn-a
            to: prime
            lead_time: {dist: uniform, min: 10d, max: 20d}
          - from: cn-a
            to: civ
            lead_time: {dist: uniform, min: 10d, max: 20d}
          - from: cn-a
            to: nds
            lead_time: 15d
          - from: us-b
            to: prime
            lead_time: {dist: uniform, min: 2d, max: 5d}
        scenarios:
          - id: ban-with-release
            events:
              - type: export_control
                start: 2024-02-01
                exporter: CN
                materials: [a]
                destinations: [US]
                mode: ban
              - type: stockpile_release
                start: 2024-03-01
                end: 2024-05-15
                node: nds
                to: [civ]
                below_cover_days: 10d
                rate: 6 t/d
        """;

    /// <summary>
    /// Markets: a Chinese mine serves a Chinese and a US buyer, an Australian mine the US only. A ban on the US cuts
    /// the outside market, whose price rises while the inside one falls; the US industrial buyer cuts demand, the
    /// defense buyer (elasticity 0) does not and backorders; adjustment time and sensitivity are uncertain. The
    /// Australian mine adds output in two tranches once the outside price has stayed high (one ramped, one at once).
    /// Neither US buyer has qualified the Australian mine: each starts when the ban closes its Chinese lane, defense
    /// taking longer, so defense backorders meanwhile.
    /// </summary>
    public const string Markets = """
        name: markets
        start: 2024-01-01
        horizon: 300d
        materials:
          - id: sb
        nodes:
          - id: cn-mine
            kind: producer
            country: CN
            material: sb
            capacity: {dist: uniform, min: 18, max: 22, unit: t/d}
          - id: au-mine
            kind: producer
            country: AU
            material: sb
            capacity: {dist: uniform, min: 3, max: 5, unit: t/d}
            policy: order_up_to
            days_of_cover: 10d
          - id: cn-user
            kind: consumer
            country: CN
            sector: industry
            demand: {sb: 8 t/d}
            demand_cv: 0.3
            unmet: lost_sales
            days_of_cover: 20d
            initial_inventory: 20d
          - id: us-user
            kind: consumer
            country: US
            sector: industry
            demand: {sb: 8 t/d}
            demand_cv: 0.3
            unmet: lost_sales
            days_of_cover: 30d
            initial_inventory: 30d
          - id: us-defense
            kind: consumer
            country: US
            sector: defense
            priority: 1
            demand: {sb: 2 t/d}
            demand_cv: 0.2
            unmet: backorder
            days_of_cover: 60d
            initial_inventory: 60d
        lanes:
          - from: cn-mine
            to: cn-user
            lead_time: {dist: uniform, min: 2d, max: 6d}
            share: 0.5
          - from: cn-mine
            to: us-user
            lead_time: {dist: uniform, min: 20d, max: 40d}
            share: 0.3
          - from: cn-mine
            to: us-defense
            lead_time: {dist: uniform, min: 20d, max: 40d}
            share: 0.2
          - from: au-mine
            to: us-user
            lead_time: {dist: uniform, min: 15d, max: 25d}
            qualification: {dist: uniform, min: 20d, max: 60d}
          - from: au-mine
            to: us-defense
            lead_time: {dist: uniform, min: 15d, max: 25d}
            qualification: {dist: uniform, min: 60d, max: 180d}
        markets:
          - material: sb
            exporter: CN
            start_price: {inside: 9000 USD/t, outside: {dist: uniform, min: 11, max: 13, unit: USD/kg}}
            scarcity_sensitivity: {dist: uniform, min: 0.5, max: 2.5}
            adjustment_time: {dist: uniform, min: 10d, max: 40d}
            demand_elasticity:
              defense: 0
              "*": {dist: uniform, min: -0.6, max: -0.1}
            supply_response:
              - {threshold: {dist: uniform, min: 1.1, max: 1.5}, lag: {dist: uniform, min: 10d, max: 40d}, ramp: 30d, ceiling: 0.3}
              - {threshold: 2, lag: 60d, ramp: 0d, ceiling: {dist: uniform, min: 0.2, max: 0.6}}
        scenarios:
          - id: us-ban
            events:
              - type: export_control
                start: 2024-02-01
                exporter: CN
                materials: [sb]
                destinations: [US]
                mode: ban
        """;

    /// <summary>
    /// The transshipper network with a market: as the US ban lifts the outside price, Thailand forwards and leaks
    /// more (smuggling elasticity), until the crackdown of the extraterritorial scenario cuts its base rates.
    /// </summary>
    public static readonly string Smuggling = Transshipper.Replace("""
        scenarios:
          - id: extraterritorial-ban
        """, """
        markets:
          - material: sb
            exporter: CN
            start_price: {inside: 10000 USD/t, outside: 12000 USD/t}
            scarcity_sensitivity: {dist: uniform, min: 1, max: 2.5}
            adjustment_time: {dist: uniform, min: 5d, max: 20d}
            demand_elasticity: {"*": -0.2, defense: 0}
            smuggling_elasticity: {dist: uniform, min: 0.5, max: 2}
        scenarios:
          - id: extraterritorial-ban
        """, StringComparison.Ordinal);
}
