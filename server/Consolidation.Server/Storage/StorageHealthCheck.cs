using Consolidation.Server.Application.Ports;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Consolidation.Server.Storage;

/// <summary>The health of the storage: <see cref="IStorageHealth.Probe"/> on every check (grpc.health.v1 Check recomputes it).</summary>
public sealed class StorageHealthCheck(IStorageHealth storage) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(storage.Probe() is { } problem
            ? HealthCheckResult.Unhealthy($"数据无法写入：{Domain.Validation.InputLimits.Excerpt(problem, 200)}")
            : HealthCheckResult.Healthy());
}
