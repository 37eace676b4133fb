// Consolidation.Synthetic: realistic, internally consistent synthetic final accounts (see Commands.Usage).
return Consolidation.Synthetic.Commands.Run(args, Console.Out, Console.Error);
