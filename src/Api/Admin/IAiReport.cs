namespace OO.Api.Admin;

/// <summary>Reads, from the analytics tables, how each model and prompt version did.</summary>
public interface IAiReport
{
    /// <summary>Per (model, prompt version), oldest rows kept by retention included: generations, gate rejections, shown tips and reactions.</summary>
    Task<AiReport> ReadAsync(CancellationToken cancellationToken);
}
