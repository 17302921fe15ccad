using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Query.SqlExpressions;
using Microsoft.EntityFrameworkCore.Storage;

namespace Safeguard.Core.Data;

/// <summary>
/// Elapsed days between two instants, with fractions, worked out by the database so figures can be grouped there
/// without loading rows: <c>julianday(to) - julianday(from)</c> on SQLite, epoch seconds / 86400 on PostgreSQL.
/// Neither EF Core provider translates <c>(to - from).TotalDays</c> on both.
/// </summary>
public static class ElapsedDays
{
    /// <summary>Only inside a database query.</summary>
    public static double Between(DateTime from, DateTime to) =>
        throw new NotSupportedException($"ElapsedDays.Between runs in the database only ({from:O} to {to:O}).");

    internal static void Map(ModelBuilder builder, bool sqlite)
    {
        var number = new DoubleTypeMapping(sqlite ? "REAL" : "double precision");
        var text = new StringTypeMapping("text", System.Data.DbType.String);
        builder.HasDbFunction(typeof(ElapsedDays).GetMethod(nameof(Between))!).HasTranslation(args =>
        {
            SqlExpression Instant(SqlExpression value) => sqlite
                ? new SqlFunctionExpression("julianday", [value], nullable: true, argumentsPropagateNullability: [true], typeof(double), number)
                : new SqlFunctionExpression("date_part", [new SqlConstantExpression("epoch", typeof(string), text), value], nullable: true,
                    argumentsPropagateNullability: [false, true], typeof(double), number);
            var difference = new SqlBinaryExpression(ExpressionType.Subtract, Instant(args[1]), Instant(args[0]), typeof(double), number);
            return sqlite
                ? difference
                : new SqlBinaryExpression(ExpressionType.Divide, difference, new SqlConstantExpression(86400.0, typeof(double), number), typeof(double), number);
        });
    }
}
