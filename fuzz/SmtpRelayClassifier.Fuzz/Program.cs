using System;
using SmtpRelayClassifier.Fuzz;

return FuzzProgram.Run(args, Console.Out, Console.Error);
