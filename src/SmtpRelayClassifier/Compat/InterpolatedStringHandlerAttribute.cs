#if !NET
namespace System.Runtime.CompilerServices;

/// <summary>Marks an interpolated-string handler, for netstandard2.0.</summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Struct, AllowMultiple = false, Inherited = false)]
internal sealed class InterpolatedStringHandlerAttribute : Attribute
{
}
#endif
