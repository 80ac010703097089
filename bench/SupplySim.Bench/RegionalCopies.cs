using YamlDotNet.RepresentationModel;

namespace SupplySim.Bench;

/// <summary>
/// Generates larger networks for the scaling benchmarks: <c>copies</c> regional copies of a scenario file's nodes and
/// lanes (ids suffixed <c>-r2</c>, <c>-r3</c>...), with the same materials and countries, so export controls by
/// country act on every copy. Events that name a node or lane are repeated per copy; the rest act on all copies
/// already. Each copy draws its own random numbers (streams are keyed by ids). Optionally changes the horizon; a
/// horizon shorter than the file's drops its scenarios (their events would fall outside the run).
/// </summary>
internal static class RegionalCopies
{
    public static string Generate(string yaml, int copies, int? horizonDays = null)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(yaml));
        var root = (YamlMappingNode)stream.Documents[0].RootNode;
        Replicate(root, "nodes", copies, RenameNode);
        Replicate(root, "lanes", copies, RenameLane);
        if (root.Children.TryGetValue(new YamlScalarNode("scenarios"), out var scenarios))
        {
            foreach (var scenario in ((YamlSequenceNode)scenarios).Children.Cast<YamlMappingNode>())
            {
                if (scenario.Children.TryGetValue(new YamlScalarNode("events"), out _))
                {
                    Replicate(scenario, "events", copies, RenameEvent, NamesNodeOrLane);
                }
            }
        }

        if (horizonDays is int days)
        {
            // A shorter run than the file's would leave events outside it (an error): keep only the baseline then.
            if (days < OriginalHorizonDays(root))
            {
                root.Children.Remove(new YamlScalarNode("scenarios"));
            }

            root.Children.Remove(new YamlScalarNode("end"));
            root.Children[new YamlScalarNode("horizon")] = new YamlScalarNode($"{days}d");
        }

        root.Children.Remove(new YamlScalarNode("observations"));
        var writer = new StringWriter();
        stream.Save(writer, assignAnchors: false);
        return writer.ToString();
    }

    private static int OriginalHorizonDays(YamlMappingNode root) =>
        root.Children.TryGetValue(new YamlScalarNode("horizon"), out var horizon) && horizon is YamlScalarNode { Value: { } text } &&
        int.TryParse(text.TrimEnd('d'), out int days) ? days : int.MaxValue;

    private static void Replicate(YamlMappingNode parent, string key, int copies, Action<YamlMappingNode, string> rename,
        Func<YamlMappingNode, bool>? perCopy = null)
    {
        var list = (YamlSequenceNode)parent.Children[new YamlScalarNode(key)];
        var originals = list.Children.Cast<YamlMappingNode>().ToList();
        for (int copy = 2; copy <= copies; copy++)
        {
            foreach (var item in originals.Where(i => perCopy?.Invoke(i) ?? true))
            {
                var clone = Clone(item);
                rename(clone, $"-r{copy}");
                list.Children.Add(clone);
            }
        }
    }

    private static bool NamesNodeOrLane(YamlMappingNode ev) =>
        ev.Children.ContainsKey(new YamlScalarNode("node")) || ev.Children.ContainsKey(new YamlScalarNode("lane"));

    private static void RenameNode(YamlMappingNode node, string suffix)
    {
        Suffix(node, "id", suffix);
        if (node.Children.TryGetValue(new YamlScalarNode("release"), out var release))
        {
            SuffixAll((YamlMappingNode)release, "to", suffix);
        }
    }

    private static void RenameLane(YamlMappingNode lane, string suffix)
    {
        Suffix(lane, "from", suffix);
        Suffix(lane, "to", suffix);
    }

    private static void RenameEvent(YamlMappingNode ev, string suffix)
    {
        Suffix(ev, "id", suffix);
        Suffix(ev, "node", suffix);
        if (ev.Children.TryGetValue(new YamlScalarNode("lane"), out var lane))
        {
            string[] ends = ((YamlScalarNode)lane).Value!.Split("->");
            ev.Children[new YamlScalarNode("lane")] = new YamlScalarNode($"{ends[0]}{suffix}->{ends[1]}{suffix}");
        }

        if (ev.Children.TryGetValue(new YamlScalarNode("release"), out var release))
        {
            SuffixAll((YamlMappingNode)release, "to", suffix);
        }
    }

    private static void Suffix(YamlMappingNode map, string key, string suffix)
    {
        if (map.Children.TryGetValue(new YamlScalarNode(key), out var value) && value is YamlScalarNode scalar)
        {
            map.Children[new YamlScalarNode(key)] = new YamlScalarNode(scalar.Value + suffix);
        }
    }

    private static void SuffixAll(YamlMappingNode map, string key, string suffix)
    {
        if (map.Children.TryGetValue(new YamlScalarNode(key), out var value) && value is YamlSequenceNode list)
        {
            map.Children[new YamlScalarNode(key)] = new YamlSequenceNode(
                list.Children.Cast<YamlScalarNode>().Select(s => new YamlScalarNode(s.Value + suffix)));
        }
        else
        {
            Suffix(map, key, suffix);
        }
    }

    /// <summary>A deep copy, by writing the node out and reading it back.</summary>
    private static YamlMappingNode Clone(YamlMappingNode node)
    {
        var writer = new StringWriter();
        new YamlStream(new YamlDocument(node)).Save(writer, assignAnchors: false);
        var copy = new YamlStream();
        copy.Load(new StringReader(writer.ToString()));
        return (YamlMappingNode)copy.Documents[0].RootNode;
    }
}
