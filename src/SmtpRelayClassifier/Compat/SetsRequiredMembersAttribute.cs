#if !NET
namespace System.Diagnostics.CodeAnalysis;

/// <summary>Marks a constructor that sets every <c>required</c> member, for netstandard2.0.</summary>
[AttributeUsage(AttributeTargets.Constructor, AllowMultiple = false, Inherited = false)]
internal sealed class SetsRequiredMembersAttribute : Attribute
{
}
#endif
