using System.Reflection;
using Microsoft.Extensions.Logging.Abstractions;
using OO.Api.Http;
using OO.Grains.Interfaces.Users;
using Orleans.Runtime;
using Orleans.Serialization.Invocation;

namespace OO.Tests.Api;

/// <summary>
/// The API's outgoing call filter sends a safe call again after its silo was lost, and leaves every other
/// call's failure to its caller.
/// </summary>
public sealed class SafeGrainCallRetryTests
{
    private static readonly SafeGrainCallRetry Filter = new(
        new GrainRetryPolicy(TimeSpan.FromMilliseconds(500), TimeSpan.FromMilliseconds(1), TimeSpan.FromMilliseconds(10)),
        TimeProvider.System,
        NullLogger<SafeGrainCallRetry>.Instance);

    [Fact]
    public async Task A_read_that_lost_its_silo_twice_is_answered_by_the_third_try()
    {
        var call = new FakeCall(nameof(IUserGrain.GetTip), failures: 2);

        await Filter.Invoke(call);

        Assert.Equal(3, call.Tries);
        Assert.Null(call.Response!.Exception);
    }

    [Fact]
    public async Task A_write_that_is_not_safe_to_repeat_fails_after_one_try()
    {
        var call = new FakeCall(nameof(IUserGrain.Delete), failures: 1);

        await Assert.ThrowsAsync<SiloUnavailableException>(() => Filter.Invoke(call));
        Assert.Equal(1, call.Tries);
    }

    [Fact]
    public async Task A_safe_call_whose_silo_stays_lost_fails_once_the_budget_is_spent()
    {
        var call = new FakeCall(nameof(IUserGrain.GetSessionStamp), failures: int.MaxValue);

        await Assert.ThrowsAsync<SiloUnavailableException>(() => Filter.Invoke(call));
        Assert.True(call.Tries > 5, $"tried {call.Tries} times");
    }

    [Fact]
    public async Task A_failure_of_the_grain_itself_is_not_repeated()
    {
        var call = new FakeCall(nameof(IUserGrain.GetTip), failures: 1, error: new InvalidOperationException("the grain failed"));

        await Assert.ThrowsAsync<InvalidOperationException>(() => Filter.Invoke(call));
        Assert.Equal(1, call.Tries);
    }

    /// <summary>A call from outside any grain that fails its first <c>failures</c> tries, as Orleans reports a lost silo: by throwing.</summary>
    private sealed class FakeCall(string method, int failures, Exception? error = null) : IOutgoingGrainCallContext
    {
        public int Tries { get; private set; }

        public MethodInfo InterfaceMethod { get; } = typeof(IUserGrain).GetMethod(method)!;

        public Response? Response { get; set; }

        public object? Result { get; set; }

        public IGrainContext? SourceContext => null;

        public IInvokable Request => throw new NotSupportedException();

        public object Grain => throw new NotSupportedException();

        public GrainId? SourceId => null;

        public GrainId TargetId => default;

        public GrainInterfaceType InterfaceType => default;

        public string InterfaceName => nameof(IUserGrain);

        public string MethodName => method;

        public Task Invoke()
        {
            Tries++;
            if (Tries <= failures)
            {
                throw error ?? new SiloUnavailableException();
            }

            Response = Response.FromResult<object?>(null);
            return Task.CompletedTask;
        }
    }
}
