namespace Streaming.Parquet;
