namespace Minzheng.Platform.Web;

/// <summary>Model of the reusable region picker partial (<c>_RegionPicker</c>): a cascade of selects below <see cref="Root"/>.</summary>
public sealed record RegionPickerModel(string Name, string Root, string? Value, string Label = "区划");
