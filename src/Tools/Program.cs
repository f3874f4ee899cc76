Console.Error.WriteLine("oo-tools: no verbs yet.");
return 1;
