#if !NET
namespace System.Runtime.CompilerServices;

/// <summary>Gives an argument check the text of the argument it checks, for netstandard2.0.</summary>
[AttributeUsage(AttributeTargets.Parameter, AllowMultiple = false, Inherited = false)]
internal sealed class CallerArgumentExpressionAttribute(string parameterName) : Attribute
{
    /// <summary>The name of the parameter whose text is captured.</summary>
    public string ParameterName { get; } = parameterName;
}
#endif
