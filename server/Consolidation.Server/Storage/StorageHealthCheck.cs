using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Consolidation.Server.Storage;

/// <summary>The health of the data file: <see cref="LiteDbStore.Probe"/> on every check (grpc.health.v1 Check recomputes it).</summary>
public sealed class StorageHealthCheck(LiteDbStore store) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(store.Probe() is { } problem
            ? HealthCheckResult.Unhealthy($"数据文件无法写入：{Domain.Validation.InputLimits.Excerpt(problem, 200)}")
            : HealthCheckResult.Healthy());
}
