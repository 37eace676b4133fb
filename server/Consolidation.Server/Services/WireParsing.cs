using System.Reflection;
using System.Text;
using Google.Protobuf;
using Grpc.AspNetCore.Server.Model;
using Grpc.Core;

namespace Consolidation.Server.Services;

/// <summary>
/// A request that cannot be parsed (truncated or too deeply nested protobuf, invalid UTF-8 in a string) is
/// INVALID_ARGUMENT with a google.rpc.BadRequest naming <c>request</c> — not the UNKNOWN of an exception thrown by
/// the generated deserializer, which runs before any interceptor. This replaces grpc-dotnet's default method
/// provider: every method of every service is bound as the generated BindService binds it, with the same attributes
/// ([Authorize] …) as endpoint metadata, but with a request marshaller that turns a parse failure into that status.
/// </summary>
public sealed class WireParsingMethodProvider<TService> : IServiceMethodProvider<TService> where TService : class
{
    public void OnServiceMethodDiscovery(ServiceMethodProviderContext<TService> context)
    {
        var bind = BindMethod();
        if (bind is null) return;
        bind.Invoke(null, [new Binder(context), null]);
    }

    /// <summary>The generated static BindService(ServiceBinderBase, TBase) named by the base class's [BindServiceMethod].</summary>
    private static MethodInfo? BindMethod()
    {
        for (var type = typeof(TService); type is not null; type = type.BaseType)
        {
            if (type.GetCustomAttribute<BindServiceMethodAttribute>(inherit: false) is not { } attribute) continue;
            return attribute.BindType.GetMethods(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static)
                .FirstOrDefault(m => m.Name == attribute.BindMethodName && m.GetParameters() is { Length: 2 } p && p[0].ParameterType == typeof(ServiceBinderBase));
        }
        return null;
    }

    /// <summary>The status of a request the server cannot parse; nothing of the caller's bytes is echoed.</summary>
    public static RpcException Unparseable(Exception e) => ErrorInterceptor.InvalidArgument(
        "请求无法解析（protobuf 截断、嵌套过深或字符串不是有效的 UTF-8），未处理",
        [("request", e is DecoderFallbackException ? "字符串不是有效的 UTF-8" : "不是有效的 protobuf 消息")]);

    private static Method<TRequest, TResponse> Safe<TRequest, TResponse>(Method<TRequest, TResponse> method)
    {
        var inner = method.RequestMarshaller.ContextualDeserializer;
        var marshaller = new Marshaller<TRequest>(method.RequestMarshaller.ContextualSerializer, context =>
        {
            try { return inner(context); }
            catch (Exception e) when (e is InvalidProtocolBufferException or DecoderFallbackException or ArgumentException)
            {
                throw Unparseable(e);
            }
        });
        return new Method<TRequest, TResponse>(method.Type, method.ServiceName, method.Name, marshaller, method.ResponseMarshaller);
    }

    private sealed class Binder(ServiceMethodProviderContext<TService> context) : ServiceBinderBase
    {
        public override void AddMethod<TRequest, TResponse>(Method<TRequest, TResponse> method, Grpc.Core.UnaryServerMethod<TRequest, TResponse>? handler)
        {
            var (info, metadata) = Find(method.Name, typeof(TRequest), typeof(ServerCallContext));
            context.AddUnaryMethod(Safe(method), metadata, info.CreateDelegate<Grpc.AspNetCore.Server.Model.UnaryServerMethod<TService, TRequest, TResponse>>());
        }

        public override void AddMethod<TRequest, TResponse>(Method<TRequest, TResponse> method, Grpc.Core.ServerStreamingServerMethod<TRequest, TResponse>? handler)
        {
            var (info, metadata) = Find(method.Name, typeof(TRequest), typeof(IServerStreamWriter<TResponse>), typeof(ServerCallContext));
            context.AddServerStreamingMethod(Safe(method), metadata, info.CreateDelegate<Grpc.AspNetCore.Server.Model.ServerStreamingServerMethod<TService, TRequest, TResponse>>());
        }

        public override void AddMethod<TRequest, TResponse>(Method<TRequest, TResponse> method, Grpc.Core.ClientStreamingServerMethod<TRequest, TResponse>? handler)
        {
            var (info, metadata) = Find(method.Name, typeof(IAsyncStreamReader<TRequest>), typeof(ServerCallContext));
            context.AddClientStreamingMethod(Safe(method), metadata, info.CreateDelegate<Grpc.AspNetCore.Server.Model.ClientStreamingServerMethod<TService, TRequest, TResponse>>());
        }

        public override void AddMethod<TRequest, TResponse>(Method<TRequest, TResponse> method, Grpc.Core.DuplexStreamingServerMethod<TRequest, TResponse>? handler)
        {
            var (info, metadata) = Find(method.Name, typeof(IAsyncStreamReader<TRequest>), typeof(IServerStreamWriter<TResponse>), typeof(ServerCallContext));
            context.AddDuplexStreamingMethod(Safe(method), metadata, info.CreateDelegate<Grpc.AspNetCore.Server.Model.DuplexStreamingServerMethod<TService, TRequest, TResponse>>());
        }

        /// <summary>The service's method (its override, or the base's Unimplemented) and its metadata: the service's attributes, then the method's.</summary>
        private static (MethodInfo Info, List<object> Metadata) Find(string name, params Type[] parameters)
        {
            var info = typeof(TService).GetMethod(name, BindingFlags.Public | BindingFlags.Instance, parameters)
                       ?? throw new InvalidOperationException($"{typeof(TService).Name} has no method {name}");
            var metadata = new List<object>();
            metadata.AddRange(typeof(TService).GetCustomAttributes(inherit: true));
            metadata.AddRange(info.GetCustomAttributes(inherit: true));
            return (info, metadata);
        }
    }
}
