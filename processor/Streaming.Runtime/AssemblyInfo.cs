namespace Streaming.Runtime;
