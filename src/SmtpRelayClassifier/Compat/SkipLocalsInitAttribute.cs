// The classifier's buffers live on the stack (stackalloc) and are written before they are read: the runtime need not
// clear them first, which costs as much as the work on a short reply.
[module: System.Runtime.CompilerServices.SkipLocalsInit]

#if !NET
namespace System.Runtime.CompilerServices
{
    /// <summary>Lets the compiler omit the clearing of locals and stack buffers for netstandard2.0, as it does for net10.0.</summary>
    [AttributeUsage(AttributeTargets.Module | AttributeTargets.Class | AttributeTargets.Struct | AttributeTargets.Interface |
        AttributeTargets.Constructor | AttributeTargets.Method | AttributeTargets.Property | AttributeTargets.Event, Inherited = false)]
    internal sealed class SkipLocalsInitAttribute : Attribute
    {
    }
}
#endif
