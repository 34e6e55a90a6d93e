#if !NET
namespace System.Runtime.CompilerServices;

/// <summary>Marks a member that needs a compiler feature (here: <c>required</c> members), for netstandard2.0.</summary>
[AttributeUsage(AttributeTargets.All, AllowMultiple = true, Inherited = false)]
internal sealed class CompilerFeatureRequiredAttribute(string featureName) : Attribute
{
    /// <summary>The name of the feature.</summary>
    public string FeatureName { get; } = featureName;

    /// <summary>Whether a compiler that does not know the feature may still use the member.</summary>
    public bool IsOptional { get; init; }
}
#endif
