using System.Globalization;
using System.Net;
using Amazon.Runtime;
using Amazon.S3;
using Amazon.S3.Model;
using IamLab.Client;
using IamLab.Endpoint.Hosting;
using IamLab.LoadTest;

// Load generator for the lab endpoint: signed STS AssumeRole (and S3 PUT/GET of 1 MB objects) from N concurrent
// clients, against the lab and against a bare Kestrel endpoint answering a constant response, in one run.
if (args is ["load-store", var storePath])
{
    // Times reading a store as `serve --state` does at start-up (wall and CPU time, for a loaded machine).
    var cpu = Environment.CpuUsage.TotalTime;
    var wall = System.Diagnostics.Stopwatch.StartNew();
    var read = IamLab.World.State.WorldStore.Read(storePath);
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"read {storePath}: {(read.IsSuccess ? $"{read.Value.World.Sts.Sessions.Count:N0} sessions" : read.Error!.ToString())} in {wall.Elapsed.TotalSeconds:0.00} s wall, {(Environment.CpuUsage.TotalTime - cpu).TotalSeconds:0.00} s CPU; {GC.CollectionCount(0)} gen0, {GC.CollectionCount(1)} gen1, {GC.CollectionCount(2)} gen2 collections, {GC.GetTotalPauseDuration().TotalSeconds:0.00} s paused; load {File.ReadAllText("/proc/loadavg").Trim()}"));
    return read.IsSuccess ? 0 : 1;
}

var options = LoadOptions.Parse(args, Console.Error);
if (options is null)
{
    return 2;
}

if (options.Wrk && !WrkRunner.Available())
{
    Console.Error.WriteLine("iamlab-loadtest: --wrk needs wrk on the PATH (Debian: apt-get install wrk).");
    return 2;
}

const string Owner = LoadWorld.Owner;
const string Partner = LoadWorld.Partner;
const string RoleArn = LoadWorld.RoleArn;
var warmup = TimeSpan.FromSeconds(options.WarmupSeconds);
var duration = TimeSpan.FromSeconds(options.Seconds);
Console.WriteLine($"Machine load at the start: {Uptime()}");

var (memoryWorld, loader) = LoadWorld.Make(options.ExtraRoles);
await using var lab = await LabEndpoint.StartAsync(new LabEndpointOptions { Port = 0, World = memoryWorld });
using var handler = new SocketsHttpHandler { MaxConnectionsPerServer = options.Clients * 2, UseProxy = false };
using var http = new HttpClient(handler);

var assumeForm = QueryRequestSigner.Form(
[
    KeyValuePair.Create("Action", "AssumeRole"),
    KeyValuePair.Create("Version", "2011-06-15"),
    KeyValuePair.Create("RoleArn", RoleArn),
    KeyValuePair.Create("RoleSessionName", "load"),
    KeyValuePair.Create("ExternalId", "unique-external-id-12345"),
]);

// The bare endpoint answers with a real AssumeRole document, so both sides write the same bytes.
string sample;
using (var first = QueryRequestSigner.Sign(lab.Url, "sts", "us-east-1", assumeForm, loader.AccessKeyId, loader.SecretAccessKey, null, DateTimeOffset.UtcNow))
using (var answer = await http.SendAsync(first))
{
    sample = await answer.Content.ReadAsStringAsync();
    if (answer.StatusCode != HttpStatusCode.OK)
    {
        Console.Error.WriteLine($"iamlab-loadtest: the first AssumeRole failed: {sample}");
        return 1;
    }
}

var megabyte = new byte[1024 * 1024];
new Random(7).NextBytes(megabyte);
var (bare, bareUrl) = await BareEndpoint.StartAsync(System.Text.Encoding.UTF8.GetBytes(sample), megabyte);
await using var bareApp = bare;

async Task<bool> AssumeRole(Uri endpoint, IamLab.World.Sts.Credentials? key = null)
{
    // Signed by the IAM user: the in-memory world's loader by default, or the loader of a --state run's own world
    // (secret keys come from a cryptographic generator, so every world built gives its loader a different key).
    var signer = key ?? loader;
    using var request = QueryRequestSigner.Sign(endpoint, "sts", "us-east-1", assumeForm, signer.AccessKeyId, signer.SecretAccessKey, null, DateTimeOffset.UtcNow);
    using var response = await http.SendAsync(request).ConfigureAwait(false);
    var body = await response.Content.ReadAsByteArrayAsync().ConfigureAwait(false);
    return response.StatusCode == HttpStatusCode.OK && body.Length > 0;
}

// A closed-loop AssumeRole run: the in-process clients sign every request; wrk (--wrk) replays one signed request
// from another process.
async Task<LoadResult> AssumeRun(string name, Uri endpoint, IamLab.World.Sts.Credentials? key = null)
{
    if (!options.Wrk)
    {
        return await LoadRunner.RunAsync(name, options.Clients, warmup, duration, _ => AssumeRole(endpoint, key));
    }

    var signer = key ?? loader;
    using var signed = QueryRequestSigner.Sign(endpoint, "sts", "us-east-1", assumeForm, signer.AccessKeyId, signer.SecretAccessKey, null, DateTimeOffset.UtcNow);
    return await WrkRunner.RunAsync(name, signed, options.Clients, warmup, duration);
}

Console.WriteLine($"Lab endpoint {lab.Url}, bare Kestrel {bareUrl}; {options.Clients} {(options.Wrk ? "wrk connections" : "clients")}, {options.Seconds} s per run after {options.WarmupSeconds} s warm-up, {Environment.ProcessorCount} cores.");
var results = new List<(LoadResult Result, double? Baseline)>();
var bareAssume = await AssumeRun("bare Kestrel, constant AssumeRole answer", bareUrl);
// The same pipeline (signature, routing, XML) for a call that keeps nothing in the world: the difference to
// AssumeRole is the world's work and the cost of keeping every session (the GC figures show it).
var identityForm = QueryRequestSigner.Form([KeyValuePair.Create("Action", "GetCallerIdentity"), KeyValuePair.Create("Version", "2011-06-15")]);
LoadResult labIdentity;
if (options.Wrk)
{
    using var signed = QueryRequestSigner.Sign(lab.Url, "sts", "us-east-1", identityForm, Partner, RootCredentials.Secret, null, DateTimeOffset.UtcNow);
    labIdentity = await WrkRunner.RunAsync("lab: signed sts:GetCallerIdentity (keeps nothing)", signed, options.Clients, warmup, duration);
}
else
{
    labIdentity = await LoadRunner.RunAsync("lab: signed sts:GetCallerIdentity (keeps nothing)", options.Clients, warmup, duration, async _ =>
    {
        using var request = QueryRequestSigner.Sign(lab.Url, "sts", "us-east-1", identityForm, Partner, RootCredentials.Secret, null, DateTimeOffset.UtcNow);
        using var response = await http.SendAsync(request).ConfigureAwait(false);
        await response.Content.ReadAsByteArrayAsync().ConfigureAwait(false);
        return response.StatusCode == HttpStatusCode.OK;
    });
}

var labAssume = await AssumeRun("lab: signed sts:AssumeRole (cross-account, ExternalId)", lab.Url);
results.Add((bareAssume, null));
results.Add((labIdentity, bareAssume.PerSecond));
results.Add((labAssume, bareAssume.PerSecond));
LoadResult? paced = null;
if (options.Rate > 0)
{
    paced = await LoadRunner.RunAsync($"lab: signed sts:AssumeRole paced at {options.Rate:N0}/s", options.Clients, warmup, duration, _ => AssumeRole(lab.Url), options.Rate);
    results.Add((paced, null));
}

// --state: the same AssumeRole against an endpoint that keeps its world in a store on disk, with a world already
// holding N sessions (built in process, written as a store, then loaded by the endpoint as `serve --state` does).
var stateLines = new List<string>();
foreach (var sessions in options.StateSessions)
{
    var path = Path.Combine(options.StateDirectory, $"iamlab-loadtest-{sessions}.db");
    File.Delete(path);
    var built = System.Diagnostics.Stopwatch.StartNew();
    var (stateWorld, stateKey) = LoadWorld.Make(options.ExtraRoles);
    LoadWorld.AddSessions(stateWorld, stateKey, sessions);
    var buildTime = built.Elapsed;
    var written = System.Diagnostics.Stopwatch.StartNew();
    IamLab.World.State.WorldStore.Create(path, stateWorld).Value.Dispose();
    var writeTime = written.Elapsed;
    stateWorld = null;
    GC.Collect();
    var started = System.Diagnostics.Stopwatch.StartNew();
    var stateLab = await LabEndpoint.StartAsync(new LabEndpointOptions { Port = 0, StateFile = path });
    var startTime = started.Elapsed;
    await using (stateLab)
    {
        var size = new FileInfo(path).Length;
        var run = await AssumeRun($"lab --state, {sessions:N0} sessions in the world: signed sts:AssumeRole", stateLab.Url, stateKey);
        results.Add((run, bareAssume.PerSecond));
        stateLines.Add(string.Create(CultureInfo.InvariantCulture,
            $"--state with {sessions:N0} sessions: world built in {buildTime.TotalSeconds:0.0} s, store written in {writeTime.TotalSeconds:0.00} s ({size / 1048576.0:0.0} MiB), endpoint started (store loaded, Kestrel listening) in {startTime.TotalSeconds:0.00} s; "
            + $"AssumeRole {run.PerSecond:N0}/s = {run.PerSecond / labAssume.PerSecond:0.00} of in memory ({labAssume.PerSecond:N0}/s), {1_000_000.0 / run.PerSecond:0.0} µs a request; {stateLab.State.Commits:N0} flushes, {(double)run.Requests / Math.Max(1, stateLab.State.Commits):0.0} requests a flush (warm-up included in flushes); {stateLab.State.Store!.Compactions} compactions beside the requests; file now {new FileInfo(path).Length / 1048576.0:0.0} MiB."));
    }

    if (!options.KeepStores)
    {
        File.Delete(path);
        File.Delete(path + ".lock");
    }

    GC.Collect();
}

if (options.S3)
{
    using var s3 = new AmazonS3Client(new BasicAWSCredentials(Owner, RootCredentials.Secret), new AmazonS3Config
    {
        ServiceURL = lab.Url.ToString(),
        ForcePathStyle = true,
        AuthenticationRegion = "us-east-1",
        MaxErrorRetry = 0,
    });
    await s3.PutBucketAsync(new PutBucketRequest { BucketName = "load-test" });

    async Task<bool> Put(int i)
    {
        using var body = new MemoryStream(megabyte, writable: false);
        var response = await s3.PutObjectAsync(new PutObjectRequest { BucketName = "load-test", Key = $"object-{i / 1_000_000}", InputStream = body }).ConfigureAwait(false);
        return response.HttpStatusCode == HttpStatusCode.OK;
    }

    async Task<bool> Get(int i)
    {
        using var response = await s3.GetObjectAsync("load-test", $"object-{i / 1_000_000}").ConfigureAwait(false);
        using var sink = new MemoryStream();
        await response.ResponseStream.CopyToAsync(sink).ConfigureAwait(false);
        return sink.Length == megabyte.Length;
    }

    async Task<bool> BarePut(int i)
    {
        using var content = new ByteArrayContent(megabyte);
        using var response = await http.PutAsync(new Uri(bareUrl, $"/load-test/object-{i / 1_000_000}"), content).ConfigureAwait(false);
        await response.Content.ReadAsByteArrayAsync().ConfigureAwait(false);
        return response.StatusCode == HttpStatusCode.OK;
    }

    async Task<bool> BareGet(int i)
    {
        var bytes = await http.GetByteArrayAsync(new Uri(bareUrl, $"/load-test/object-{i / 1_000_000}")).ConfigureAwait(false);
        return bytes.Length == megabyte.Length;
    }

    // Every client writes its own key once before the GET run reads it.
    await Task.WhenAll(Enumerable.Range(0, options.Clients).Select(c => Put(c * 1_000_000)));
    var barePut = await LoadRunner.RunAsync("bare Kestrel, PUT 1 MB (raw HttpClient)", options.Clients, warmup, duration, BarePut);
    var labPut = await LoadRunner.RunAsync("lab: S3 PutObject 1 MB (AWS SDK, aws-chunked, signed)", options.Clients, warmup, duration, Put);
    var bareGet = await LoadRunner.RunAsync("bare Kestrel, GET 1 MB (raw HttpClient)", options.Clients, warmup, duration, BareGet);
    var labGet = await LoadRunner.RunAsync("lab: S3 GetObject 1 MB (AWS SDK, signed)", options.Clients, warmup, duration, Get);
    results.Add((barePut, null));
    results.Add((labPut, barePut.PerSecond));
    results.Add((bareGet, null));
    results.Add((labGet, bareGet.PerSecond));
}

Console.WriteLine();
Console.WriteLine("| run | requests | requests/s | p50 ms | p99 ms | errors | ratio to bare |");
Console.WriteLine("|---|---:|---:|---:|---:|---:|---:|");
foreach (var (result, baseline) in results)
{
    Console.WriteLine(result.Row(baseline));
}

foreach (var (result, _) in results)
{
    Console.WriteLine($"{result.Name}: {result.Notes}");
}

foreach (var line in stateLines)
{
    Console.WriteLine(line);
}

Console.WriteLine($"Machine load at the end: {Uptime()}");
foreach (var (result, _) in results.Where(r => r.Result.FirstError is not null))
{
    Console.WriteLine($"first error in '{result.Name}': {result.FirstError}");
}

foreach (var run in new[] { labAssume, paced })
{
    if (run is null)
    {
        continue;
    }

    var met = run.PerSecond >= 2000 && run.Percentile(99) < 20 && run.Errors == 0;
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"AssumeRole target (>= 2,000/s, p99 < 20 ms, no error), {run.Name}: {(met ? "met" : "not met")} ({run.PerSecond:N0}/s, p99 {run.Percentile(99):0.00} ms, {run.Errors} errors)."));
}
return results.Any(r => r.Result.Errors > 0) ? 1 : 0;

static string Uptime()
{
    try
    {
        return File.ReadAllText("/proc/loadavg").Trim() + " (load averages over 1, 5, 15 minutes; runnable/threads; last pid)";
    }
    catch (IOException)
    {
        return "unknown";
    }
}
