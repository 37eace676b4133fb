using Consolidation.Server.Application;
using Consolidation.Server.Application.Ports;
using Google.Protobuf.WellKnownTypes;
using Google.Rpc;
using Grpc.Core;
using Grpc.Core.Interceptors;

namespace Consolidation.Server.Services;

/// <summary>
/// Turns the application's protocol-level refusals into gRPC statuses: a malformed submission is INVALID_ARGUMENT
/// with one google.rpc.BadRequest field violation per problem; nothing to consolidate is FAILED_PRECONDITION.
/// Rule failures never come here: they are findings in an OK reply.
/// </summary>
public sealed class ErrorInterceptor : Interceptor
{
    public override async Task<TResponse> UnaryServerHandler<TRequest, TResponse>(
        TRequest request, ServerCallContext context, UnaryServerMethod<TRequest, TResponse> continuation)
    {
        try
        {
            return await continuation(request, context);
        }
        catch (MalformedSubmissionException e)
        {
            throw InvalidArgument("报送数据不完整或格式有误，未保存", e.Violations.Select(v => (v.Field, v.Message)));
        }
        catch (NothingToConsolidateException e)
        {
            throw FailedPrecondition(e.Message, "NOTHING_TO_CONSOLIDATE");
        }
        catch (ConsolidationOverflowException e)
        {
            var status = new Google.Rpc.Status
            {
                Code = (int)Code.OutOfRange,
                Message = e.Message,
                Details = { Any.Pack(new ErrorInfo { Reason = "SUM_OVERFLOW", Domain = "finalaccounts.v1" }) },
            };
            throw status.ToRpcException();
        }
        catch (YearLockedException e)
        {
            throw FailedPrecondition(e.Message, "YEAR_LOCKED");
        }
        catch (ReviewRefusedException e)
        {
            throw FailedPrecondition(e.Message, "REVIEW_STATE");
        }
        catch (YearLockConflictException e)
        {
            throw new RpcException(new Grpc.Core.Status(StatusCode.FailedPrecondition, e.Message));
        }
        catch (RegistryRefusedException e)
        {
            throw InvalidArgument("单位名录数据有误，未作任何修改", e.Violations.Select(v => (v.Field, v.Message)));
        }
        catch (UnitExistsException e)
        {
            throw new RpcException(new Grpc.Core.Status(StatusCode.AlreadyExists, e.Message));
        }
        catch (UnitNotFoundException e)
        {
            throw new RpcException(new Grpc.Core.Status(StatusCode.NotFound, e.Message));
        }
        catch (StorageUnavailableException e)
        {
            // The database is down or restarting: nothing was stored; the caller may try again (fa retries UNAVAILABLE).
            throw new RpcException(new Grpc.Core.Status(StatusCode.Unavailable, $"服务器的数据存储暂时无法访问，本次未保存任何内容，请稍后重试（{Domain.Validation.InputLimits.Excerpt(e.Message, 200)}）"));
        }
    }

    /// <summary>FAILED_PRECONDITION with a google.rpc.ErrorInfo whose reason tells the client which (docs/access.md, exit codes).</summary>
    public static RpcException FailedPrecondition(string message, string reason)
    {
        var status = new Google.Rpc.Status
        {
            Code = (int)Code.FailedPrecondition,
            Message = message,
            Details = { Any.Pack(new ErrorInfo { Reason = reason, Domain = "finalaccounts.v1" }) },
        };
        return status.ToRpcException();
    }

    public static RpcException InvalidArgument(string message, IEnumerable<(string Field, string Description)> violations)
    {
        var badRequest = new BadRequest();
        badRequest.FieldViolations.AddRange(violations.Select(v => new BadRequest.Types.FieldViolation { Field = v.Field, Description = v.Description }));
        var status = new Google.Rpc.Status
        {
            Code = (int)Code.InvalidArgument,
            Message = message,
            Details = { Any.Pack(badRequest) },
        };
        return status.ToRpcException();
    }
}
