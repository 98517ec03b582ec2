using Lmc.Connectivity.Data;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Lmc.Connectivity.Application;

/// <summary>Runs a pgRouting query on the context's own connection (so it shares the request's transaction and pool).</summary>
public static class PgRouting
{
    public static async Task ReadAsync(ConnectivityDbContext db, string sql, IReadOnlyDictionary<string, object> parameters,
        Action<NpgsqlDataReader> row, CancellationToken ct)
    {
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            await using var command = new NpgsqlCommand(sql, connection);
            foreach (var (name, value) in parameters)
            {
                command.Parameters.AddWithValue(name, value);
            }

            await using var reader = await command.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
            {
                row(reader);
            }
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }
}
