#if !NET
namespace System.Diagnostics.CodeAnalysis;

/// <summary>The nullable-analysis attribute of .NET, for netstandard2.0.</summary>
[AttributeUsage(AttributeTargets.Parameter, Inherited = false)]
internal sealed class NotNullWhenAttribute(bool returnValue) : Attribute
{
    /// <summary>The return value for which the argument is not null.</summary>
    public bool ReturnValue { get; } = returnValue;
}
#endif
