using Microsoft.Data.Sqlite;

namespace IamLab.StoreBench;

/// <summary>One table (key primary key, value blob) in WAL mode with synchronous=FULL; a batch is one transaction.</summary>
internal sealed class SqlitePrototype : IPrototypeStore
{
    private readonly string path;
    private readonly SqliteConnection connection;

    public SqlitePrototype(string path)
    {
        this.path = path;
        foreach (var file in new[] { path, path + "-wal", path + "-shm" })
        {
            File.Delete(file);
        }

        connection = new SqliteConnection($"Data Source={path};Pooling=False");
        connection.Open();
        Execute("PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL; CREATE TABLE records (key TEXT PRIMARY KEY, value BLOB NOT NULL) WITHOUT ROWID;");
    }

    public string Name => "SQLite (WAL, synchronous=FULL)";

    public void WriteDurably(IReadOnlyList<(string Key, byte[] Value)> batch)
    {
        using var transaction = connection.BeginTransaction();
        using var command = connection.CreateCommand();
        command.CommandText = "INSERT OR REPLACE INTO records (key, value) VALUES ($key, $value)";
        var key = command.Parameters.Add("$key", SqliteType.Text);
        var value = command.Parameters.Add("$value", SqliteType.Blob);
        foreach (var (k, v) in batch)
        {
            key.Value = k;
            value.Value = v;
            command.ExecuteNonQuery();
        }

        transaction.Commit();
    }

    public void Fill(int count, byte[] value)
    {
        var batch = new List<(string, byte[])>(4096);
        for (var i = 0; i < count; i++)
        {
            batch.Add(($"session/{i}", value));
            if (batch.Count == 4096)
            {
                WriteDurably(batch);
                batch.Clear();
            }
        }

        WriteDurably(batch);
    }

    public (long Count, long Bytes) ReadAll()
    {
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT key, value FROM records";
        using var reader = command.ExecuteReader();
        long count = 0, bytes = 0;
        while (reader.Read())
        {
            _ = reader.GetString(0);
            var value = (byte[])reader.GetValue(1);
            count++;
            bytes += value.Length;
        }

        return (count, bytes);
    }

    public long FileBytes() => new FileInfo(path).Length + (File.Exists(path + "-wal") ? new FileInfo(path + "-wal").Length : 0);

    public void Dispose()
    {
        connection.Dispose();
        SqliteConnection.ClearAllPools();
        foreach (var file in new[] { path, path + "-wal", path + "-shm" })
        {
            File.Delete(file);
        }
    }

    private void Execute(string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
