using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using IamLab.Policy.Model;
using IamLab.World.Sts;

namespace IamLab.World.Events;

/// <summary>
/// The world's event log: each STS call the world answers, and each call a front end reports (IAM, S3, EC2 at the
/// endpoint; the grader's requests), in CloudTrail's record shape. Bounded: it keeps the newest <see cref="Capacity"/>
/// events and counts the ones it let go. Safe to use from several threads.
/// </summary>
/// <remarks>
/// The log lives in memory only and is not written to the world store: a read (GetCallerIdentity, GetObject) changes
/// nothing in the world, and making each read a durable write would cost every request an fsync (docs/state.md).
/// Event ids are derived from the world's seed and the event's position, so a scenario replays with the same ids, and
/// recording draws nothing from the world's id generator (the ids of roles and keys stay as they were).
/// </remarks>
public sealed class EventLog
{
    /// <summary>How many events a log keeps unless told otherwise.</summary>
    public const int DefaultCapacity = 10_000;

    private static readonly AsyncLocal<CallFacts?> CurrentFacts = new();

    private readonly LabWorld world;
    private readonly Lock gate = new();
    private readonly TrailEvent?[] ring;
    private long recorded;
    private long cleared;

    internal EventLog(LabWorld world, int capacity = DefaultCapacity)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        this.world = world;
        ring = new TrailEvent?[capacity];
    }

    /// <summary>The most events kept; older ones are let go.</summary>
    public int Capacity => ring.Length;

    /// <summary>How many events were ever recorded.</summary>
    public long Recorded
    {
        get
        {
            lock (gate)
            {
                return recorded;
            }
        }
    }

    /// <summary>How many events were let go because the log was full.</summary>
    public long Dropped
    {
        get
        {
            lock (gate)
            {
                return Math.Max(0, recorded - ring.Length);
            }
        }
    }

    /// <summary>The facts of the request in flight on this async flow (set by <see cref="Scope"/>), or null.</summary>
    public static CallFacts? Facts => CurrentFacts.Value;

    /// <summary>
    /// Makes <paramref name="facts"/> the facts of every event recorded on this async flow until the result is disposed
    /// (a front end wraps each request in one).
    /// </summary>
    public static IDisposable Scope(CallFacts facts)
    {
        ArgumentNullException.ThrowIfNull(facts);
        var previous = CurrentFacts.Value;
        CurrentFacts.Value = facts;
        return new Restore(previous);
    }

    /// <summary>The events kept, oldest first.</summary>
    public IReadOnlyList<TrailEvent> Events() => Find(new EventFilter());

    /// <summary>The kept events that pass <paramref name="filter"/>, oldest first.</summary>
    public IReadOnlyList<TrailEvent> Find(EventFilter filter)
    {
        ArgumentNullException.ThrowIfNull(filter);
        lock (gate)
        {
            var found = new List<TrailEvent>();
            for (var i = Math.Max(recorded - ring.Length, cleared); i < recorded; i++)
            {
                var e = ring[i % ring.Length]!;
                if (filter.Matches(e))
                {
                    found.Add(e);
                }
            }

            return found;
        }
    }

    /// <summary>Forgets every event kept (a notebook starting an exercise afresh); <see cref="Recorded"/> goes on counting.</summary>
    public void Clear()
    {
        lock (gate)
        {
            Array.Clear(ring);
            // Positions go on from where they were, so an event's id never repeats; nothing older is kept.
            cleared = recorded;
        }
    }

    /// <summary>
    /// Records a call a front end made on the world's behalf (an IAM, S3 or EC2 request at the endpoint, a grader's
    /// request): who made it is worked out from <paramref name="credentials"/> (null: anonymous).
    /// </summary>
    /// <param name="credentials">The credentials the call was signed with, or null for an unsigned call.</param>
    /// <param name="eventSource">The service, e.g. <c>iam.amazonaws.com</c>.</param>
    /// <param name="eventName">The operation, e.g. <c>CreateRole</c>.</param>
    /// <param name="requestParameters">The parameters CloudTrail records (no secrets), or null.</param>
    /// <param name="errorCode">AWS's error code, or null when the call succeeded.</param>
    /// <param name="errorMessage">AWS's error message, or null.</param>
    /// <param name="readOnly">Whether the operation only reads.</param>
    /// <param name="recipientAccountId">The account the call was made to, or null for the caller's own.</param>
    /// <returns>The event as recorded.</returns>
    public TrailEvent RecordCall(Credentials? credentials, string eventSource, string eventName, JsonObject? requestParameters, string? errorCode,
        string? errorMessage, bool readOnly, string? recipientAccountId = null)
    {
        ArgumentNullException.ThrowIfNull(eventSource);
        ArgumentNullException.ThrowIfNull(eventName);
        var identity = credentials is null ? new TrailIdentity { Type = "Unknown" } : TrailIdentities.Of(world, credentials);
        return Record(identity, eventSource, eventName, requestParameters, null, errorCode, errorMessage, readOnly, recipientAccountId ?? identity.AccountId,
            eventSource == "s3.amazonaws.com" && requestParameters?["key"] is not null ? "Data" : "Management", null);
    }

    /// <summary>
    /// Records a request for <paramref name="action"/> on <paramref name="resource"/> made with <paramref name="credentials"/>
    /// (a grader's step, a notebook's request): the service and operation come from the action (<c>s3:GetObject</c> is
    /// <c>GetObject</c> on <c>s3.amazonaws.com</c>), the parameters from the resource ARN (bucket and key, role name, ...).
    /// </summary>
    /// <returns>The event as recorded.</returns>
    public TrailEvent RecordRequest(Credentials credentials, string action, string resource, string? errorCode, string? errorMessage)
    {
        ArgumentNullException.ThrowIfNull(credentials);
        ArgumentNullException.ThrowIfNull(action);
        ArgumentNullException.ThrowIfNull(resource);
        var colon = action.IndexOf(':', StringComparison.Ordinal);
        var service = colon > 0 ? action[..colon].ToLowerInvariant() : "unknown";
        var name = colon > 0 ? action[(colon + 1)..] : action;
        var readOnly = name.StartsWith("Get", StringComparison.Ordinal) || name.StartsWith("List", StringComparison.Ordinal) || name.StartsWith("Describe", StringComparison.Ordinal)
            || name.StartsWith("Head", StringComparison.Ordinal);
        var recipient = Arn.AccountOf(resource) is { Length: 12 } account ? account : null;
        return RecordCall(credentials, $"{service}.amazonaws.com", name, ResourceParameters(service, resource), errorCode, errorMessage, readOnly, recipient);
    }

    private static JsonObject ResourceParameters(string service, string resource)
    {
        var tail = Arn.TryParse(resource)?.Resource;
        if (service == "s3" && tail is not null && resource.StartsWith("arn:aws:s3:::", StringComparison.Ordinal))
        {
            var slash = tail.IndexOf('/', StringComparison.Ordinal);
            return slash < 0 ? new JsonObject { ["bucketName"] = tail } : new JsonObject { ["bucketName"] = tail[..slash], ["key"] = tail[(slash + 1)..] };
        }

        if (service == "iam" && tail is not null && tail.IndexOf('/', StringComparison.Ordinal) is var slashAt and > 0)
        {
            var kind = tail[..slashAt];
            var entity = tail[(tail.LastIndexOf('/') + 1)..];
            return kind switch
            {
                "role" => new JsonObject { ["roleName"] = entity },
                "user" => new JsonObject { ["userName"] = entity },
                "policy" => new JsonObject { ["policyArn"] = resource },
                _ => new JsonObject { ["resource"] = resource },
            };
        }

        return new JsonObject { ["resource"] = resource };
    }

    internal TrailEvent Record(TrailIdentity identity, string eventSource, string eventName, JsonObject? requestParameters, JsonObject? responseElements,
        string? errorCode, string? errorMessage, bool readOnly, string? recipientAccountId, string category, string? sourceIpFromRequest)
    {
        var facts = CurrentFacts.Value;
        var service = identity.Type == "AWSService" ? identity.InvokedBy : null;
        lock (gate)
        {
            var sequence = ++recorded;
            var e = new TrailEvent
            {
                Sequence = sequence,
                EventId = EventId(world.Data.Seed, sequence),
                EventTime = world.Now,
                EventSource = eventSource,
                EventName = eventName,
                AwsRegion = world.Region,
                UserIdentity = identity,
                SourceIpAddress = service ?? facts?.SourceIp ?? sourceIpFromRequest,
                UserAgent = service ?? facts?.UserAgent,
                RequestParameters = requestParameters,
                ResponseElements = responseElements,
                ErrorCode = errorCode,
                ErrorMessage = errorCode is null ? null : errorMessage,
                RequestId = facts?.RequestId,
                ReadOnly = readOnly,
                RecipientAccountId = recipientAccountId,
                EventCategory = category,
            };
            ring[(sequence - 1) % ring.Length] = e;
            if (facts is not null)
            {
                facts.Recorded++;
            }

            return e;
        }
    }

    // A version 4 shaped GUID from the seed and the position: stable across replays of one scenario, different between
    // worlds with different seeds. Not a secret and not meant to be unguessable.
    private static string EventId(long seed, long sequence)
    {
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(Encoding.ASCII.GetBytes($"iamlab-event:{seed}:{sequence}"), hash);
        hash[6] = (byte)((hash[6] & 0x0F) | 0x40);
        hash[8] = (byte)((hash[8] & 0x3F) | 0x80);
        return new Guid(hash[..16], bigEndian: true).ToString();
    }

    private sealed class Restore(CallFacts? previous) : IDisposable
    {
        public void Dispose() => CurrentFacts.Value = previous;
    }
}
