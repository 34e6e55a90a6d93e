#if !NET
namespace System.Diagnostics.CodeAnalysis;

/// <summary>The nullable-analysis attribute of .NET, for netstandard2.0.</summary>
[AttributeUsage(AttributeTargets.Parameter | AttributeTargets.Property | AttributeTargets.ReturnValue, AllowMultiple = true, Inherited = false)]
internal sealed class NotNullIfNotNullAttribute(string parameterName) : Attribute
{
    /// <summary>The parameter whose nullness the value follows.</summary>
    public string ParameterName { get; } = parameterName;
}
#endif
