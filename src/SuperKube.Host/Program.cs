Console.WriteLine("superkube");
