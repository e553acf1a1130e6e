using System.Runtime.CompilerServices;

[assembly: InternalsVisibleTo("Streaming.Runtime.Tests")]
