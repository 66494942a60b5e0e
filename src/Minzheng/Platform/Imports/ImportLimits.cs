
namespace Minzheng.Platform.Imports;

/// <summary>The row limits of imports (docs/imports.md); the file size limit is <see cref="Minzheng.Platform.Web.UploadReader"/>'s.</summary>
public static class ImportLimits
{
    /// <summary>Values in one <c>IN (…)</c> lookup of a chunk: well inside PostgreSQL's and SQLite's parameter limits.</summary>
    public const int LookupChunk = 2000;

    /// <summary>Rows a file may hold (<c>Imports:MaxRows</c>); one more is refused while reading.</summary>
    public static int MaxImportRows(this IConfiguration configuration) => configuration.GetValue("Imports:MaxRows", 1_000_000);

    /// <summary>Rows checked against the database and written together (<c>Imports:ChunkRows</c>): what an import holds at a time.</summary>
    public static int ImportChunkRows(this IConfiguration configuration) => Math.Max(1, configuration.GetValue("Imports:ChunkRows", 10_000));

    /// <summary>Errors kept for one file (<c>Imports:MaxErrors</c>): one more and the file is refused without reading further.</summary>
    public static int MaxImportErrors(this IConfiguration configuration) => Math.Max(1, configuration.GetValue("Imports:MaxErrors", ImportErrorList.DefaultLimit));

    /// <summary>Errors an answer shows (<c>Imports:ShownErrors</c>); the rest are in the downloadable report.</summary>
    public static int ShownImportErrors(this IConfiguration configuration) => Math.Max(1, configuration.GetValue("Imports:ShownErrors", ImportErrorList.DefaultShown));
}
