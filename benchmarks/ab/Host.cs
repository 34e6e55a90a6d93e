// Loads each build's Driver in its own AssemblyLoadContext and times them in one process, in alternating rounds, so
// that both see the same machine at the same moments: on a shared machine, two runs at different times differ by more
// than the change being measured. Prints the least time per pass over the corpus, and each build's ratio to the first.
using System.Diagnostics;
using System.Reflection;
using System.Runtime.Loader;

string[] replies = File.ReadAllLines(args[0]).Where(l => l.Length > 0 && l[0] != '#').Select(l => l.Split('\t')[0]).ToArray();
string[] builds = args[1..];
string[] modes = ["Brief", "Kind", "Full"];
int roundMs = int.Parse(Environment.GetEnvironmentVariable("AB_ROUND_MS") ?? "15");
int rounds = int.Parse(Environment.GetEnvironmentVariable("AB_ROUNDS") ?? "80");

var loops = new List<Dictionary<string, Func<string[], int>>>();
foreach (string build in builds)
{
    var driver = new BuildContext(build).LoadFromAssemblyPath(Path.Combine(build, "Driver.dll")).GetType("Driver")!;
    var byMode = modes.ToDictionary(m => m, m => driver.GetMethod(m)!.CreateDelegate<Func<string[], int>>());
    var allocated = driver.GetMethod("Allocated")!.CreateDelegate<Func<string[], long>>();
    // Warm: every loop reaches its optimized code before it is timed.
    for (int i = 0; i < 400; i++)
        foreach (var loop in byMode.Values)
            loop(replies);
    Console.WriteLine($"{build}: Classify allocates {allocated(replies) / (double)replies.Length:F0} B a reply");
    loops.Add(byMode);
}

Console.WriteLine($"{replies.Length} replies; least time of {rounds} alternating rounds of {roundMs} ms per build, per pass over them");
foreach (string mode in modes)
{
    var best = Enumerable.Repeat(double.MaxValue, builds.Length).ToArray();
    for (int round = 0; round < rounds; round++)
    {
        for (int b = 0; b < builds.Length; b++)
        {
            var loop = loops[b][mode];
            var watch = Stopwatch.StartNew();
            int passes = 0;
            do
            {
                loop(replies);
                passes++;
            }
            while (watch.ElapsedMilliseconds < roundMs);
            best[b] = Math.Min(best[b], watch.Elapsed.TotalMicroseconds / passes);
        }
    }

    Console.WriteLine($"{mode,-6}" + string.Concat(best.Select(t => $"  {t,8:F1} us ({t / best[0]:F2})")));
}

// Each build's own library and dependencies, from its output folder; the framework from the default context.
sealed class BuildContext(string folder) : AssemblyLoadContext(isCollectible: false)
{
    protected override Assembly? Load(AssemblyName name)
    {
        string path = Path.Combine(folder, name.Name + ".dll");
        return File.Exists(path) ? LoadFromAssemblyPath(path) : null;
    }
}
