using Aligner.Cli;

return CliApp.Run(args);
