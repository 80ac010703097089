namespace SupplySim.Model;

/// <summary>Calendar-year arithmetic for annual quotas.</summary>
internal static class CalendarYear
{
    /// <summary>
    /// The part of its calendar year that a run starting on <paramref name="start"/> covers (1 from 1 January). A
    /// quota grants that part of its annual amount in the run's first year: the producer's output earlier in the year,
    /// which the model does not see, is taken to have used the rest at the quota's pace. Later years are whole; a run
    /// ending mid-year grants the whole year, since the producer does not know when the run ends.
    /// </summary>
    public static double ShareFrom(DateOnly start)
    {
        int daysLeft = new DateOnly(start.Year, 12, 31).DayNumber - start.DayNumber + 1;
        return daysLeft / (double)(DateTime.IsLeapYear(start.Year) ? 366 : 365);
    }
}
