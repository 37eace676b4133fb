using System.Text;
using Consolidation.Client;

// fa — the command-line client of the final accounts server (部门决算 报送、审核、汇总). The commands: CommandTree.
Console.OutputEncoding = Encoding.UTF8;
return await CommandTree.RunAsync(args);
