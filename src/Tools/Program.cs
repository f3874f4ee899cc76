using OO.Tools.Cli;

return ToolsCli.Run(args, Console.Out, Console.Error);
