using System.Globalization;
using SupplySim.Cli;

CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
return Commands.Execute(args, Console.Out, Console.Error);
