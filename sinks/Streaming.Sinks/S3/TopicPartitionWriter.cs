using Microsoft.Extensions.Logging;
using Streaming.Sinks.Delivery;

namespace Streaming.Sinks.S3;

/// <summary>
/// Writes one Kafka partition into hourly files (Confluent's TopicPartitionWriter). Files are open per hour — several
/// hours at once, at most <see cref="S3SinkOptions.MaxOpenFilesPerPartition"/> — and each goes Writing → ShouldRotate →
/// Committed when one of the named predicates of <see cref="FileRotation"/> fires.
/// </summary>
/// <remarks>
/// <para>Late files (no small-file storm): a record whose hour is already closed by the watermark opens a
/// <em>late file</em> for that hour, and every later record of that hour joins it. A late file is never rotated by hour
/// close (its hour is closed from the start); it is committed by the size and record bounds, the time bound, the
/// late window (<see cref="S3SinkOptions.LateFileWindow"/>, in event time), the open-hours bound (which closes the earliest
/// hour first) or the final flush. So an hour gets one file of on-time records
/// plus, per size bound's worth of late records, one late file.</para>
/// <para>Late files and exactly-once: a late file is named by its first offset like any file, and while it is open it
/// holds the resume offset back at that offset, even while newer files are uploaded. A restart therefore replays from the
/// late file's first offset with the state captured when it opened (stream time, the files open then, whether each was a
/// late file); every decision after that offset repeats, so it rebuilds the late file and re-uploads the newer files under
/// the same keys with the same records (overwrites, not copies). A checkpoint records, for each file open at its offset,
/// whether it is late and the watermark it opened at, so replayed files leave their slots exactly when they did, and the
/// open-hours bound decides the same on replay. The late window keeps that replay short: a late file is open for at most
/// that much event time.</para>
/// <para>Replay invariant (exactly-once): every decision depends only on the records read since the resume offset and on
/// the state restored from the <see cref="PartitionCheckpoint"/>, so a restart from the checkpoint rebuilds exactly the
/// files of the first run — the same start offsets, therefore the same keys, with the same records.</para>
/// <para>The resume offset is the lowest start offset among the files not yet uploaded, or the next offset when there are
/// none; it moves only after uploads succeed. Not thread-safe: the delivery loop's thread drives it.</para>
/// </remarks>
public sealed class TopicPartitionWriter : IDisposable
{
    private readonly string _topic;
    private readonly int _partition;
    private readonly S3SinkOptions _options;
    private readonly IPartitioner _partitioner;
    private readonly IRecordWriterProvider _provider;
    private readonly Func<SinkRecord, long> _eventTime;
    private readonly ILogger _logger;
    private readonly string _logPrefix;

    // Open files and replayed files by hour start: one slot per hour.
    private readonly SortedDictionary<long, HourFile> _slots = [];
    private readonly List<HourFile> _pending = [];
    // Every file a future checkpoint may need to describe, by start offset (pruned below the resume offset).
    private readonly Dictionary<long, HourFile> _known = [];
    private readonly List<long> _openBeforeScratch = [];
    private readonly HourlyFileCounts? _fileCounts;
    private long? _streamTime;
    private long _nextOffset = -1;
    private long _storedResumeOffset = -1;

    /// <summary>Creates the writer of one partition.</summary>
    /// <param name="fileCounts">Where uploaded files are counted per hour, for the run summary; optional.</param>
    public TopicPartitionWriter(
        string topic,
        int partition,
        S3SinkOptions options,
        IPartitioner partitioner,
        IRecordWriterProvider provider,
        Func<SinkRecord, long> eventTime,
        ILogger logger,
        HourlyFileCounts? fileCounts = null)
    {
        _topic = topic;
        _partition = partition;
        _options = options.Validate();
        _partitioner = partitioner;
        _provider = provider;
        _eventTime = eventTime;
        _logger = logger;
        _logPrefix = $"s3 [{topic}-{partition}]";
        _fileCounts = fileCounts;
    }

    /// <summary>Records written into files since start (replayed records excluded).</summary>
    public long RecordsWritten { get; private set; }

    /// <summary>Records skipped on replay because an uploaded file already holds them.</summary>
    public long RecordsReplaySkipped { get; private set; }

    /// <summary>Hours open now (files being written plus replayed files holding a slot).</summary>
    public int OpenHours => _slots.Count;

    /// <summary>Files waiting for upload.</summary>
    public int PendingFiles => _pending.Count;

    /// <summary>The partition's stream time: the largest event time read so far (epoch ms), or null.</summary>
    public long? StreamTime => _streamTime;

    /// <summary>The watermark: <see cref="StreamTime"/> minus the allowed lateness.</summary>
    public long? Watermark => _streamTime - (long)_options.AllowedLateness.TotalMilliseconds;

    /// <summary>
    /// The next offset to read after a restart: the lowest start offset of the files not yet uploaded, else the next
    /// offset; -1 before the first record or checkpoint.
    /// </summary>
    public long ResumeOffset
    {
        get
        {
            var lowest = long.MaxValue;
            foreach (var file in _slots.Values)
            {
                if (!file.IsReplayed)
                {
                    lowest = Math.Min(lowest, file.StartOffset);
                }
            }
            foreach (var file in _pending)
            {
                lowest = Math.Min(lowest, file.StartOffset);
            }
            return lowest == long.MaxValue ? _nextOffset : lowest;
        }
    }

    /// <summary>Whether the resume offset moved since the last stored checkpoint.</summary>
    public bool HasNewCheckpoint => ResumeOffset >= 0 && ResumeOffset != _storedResumeOffset;

    /// <summary>Restores the state of a checkpoint before the first record is read.</summary>
    /// <exception cref="InvalidOperationException">Records were already written.</exception>
    public void Restore(PartitionCheckpoint checkpoint)
    {
        ArgumentNullException.ThrowIfNull(checkpoint);
        if (_nextOffset >= 0 || _slots.Count > 0 || _pending.Count > 0)
        {
            throw new InvalidOperationException($"{_logPrefix}: a checkpoint can only be restored before the first record.");
        }
        _nextOffset = checkpoint.ResumeOffset;
        _storedResumeOffset = checkpoint.ResumeOffset;
        _streamTime = checkpoint.StreamTime;
        foreach (var file in checkpoint.OpenFiles)
        {
            var replayed = new HourFile
            {
                HourStart = file.HourStart,
                HourEnd = _partitioner.PartitionEnd(file.HourStart),
                StartOffset = file.StartOffset,
                LastOffset = file.LastOffset,
                ClosedBySize = file.ClosedBySize,
                IsLate = file.IsLate,
                OpenedAtWatermark = file.OpenedAtWatermark,
            };
            _slots[file.HourStart] = replayed;
            _known[file.StartOffset] = replayed;
        }
        _logger.LogInformation("{Prefix} restored checkpoint: resume at {Offset}, stream time {StreamTime}, {Replayed} uploaded files to replay",
            _logPrefix, checkpoint.ResumeOffset, checkpoint.StreamTime, checkpoint.OpenFiles.Count);
    }

    /// <summary>Writes one record into the file of its hour, rotating files as the predicates say.</summary>
    public void Write(SinkRecord record, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(record);
        var offset = record.Offset;
        if (offset < _nextOffset)
        {
            _logger.LogTrace("{Prefix} offset {Offset} already read (next {Next}); ignored", _logPrefix, offset, _nextOffset);
            return;
        }
        _provider.Check(record); // before any state changes: a record no file can hold is rejected whole
        var eventTime = _eventTime(record);
        var hourStart = _partitioner.PartitionStart(eventTime);

        // The state just before this record, which a checkpoint at this offset must reproduce.
        _openBeforeScratch.Clear();
        foreach (var slot in _slots.Values)
        {
            _openBeforeScratch.Add(slot.StartOffset);
        }
        var streamTimeBefore = _streamTime;

        _streamTime = _streamTime is { } st ? Math.Max(st, eventTime) : eventTime;
        _nextOffset = offset + 1;
        var watermark = Watermark;

        foreach (var slot in _slots.Values.ToList())
        {
            if (slot.IsLate
                ? FileRotation.RotateOnLateWindow(slot.OpenedAtWatermark, watermark, _options.LateFileWindow, _logger)
                : FileRotation.RotateOnHourClose(slot.HourEnd, watermark, _logger))
            {
                Rotate(slot, slot.IsLate ? "late window ended" : "hour closed");
            }
        }

        if (_slots.TryGetValue(hourStart, out var existing) && existing.IsReplayed)
        {
            if (offset <= existing.LastOffset)
            {
                // The uploaded file already holds this record.
                RecordsReplaySkipped++;
                if (offset == existing.LastOffset && existing.ClosedBySize)
                {
                    Rotate(existing, "size (replayed)");
                }
                return;
            }
            Rotate(existing, "replayed file ended");
        }

        if (!_slots.TryGetValue(hourStart, out var file))
        {
            if (_slots.Count >= _options.MaxOpenFilesPerPartition)
            {
                Rotate(_slots.First().Value, $"more than {_options.MaxOpenFilesPerPartition} open hours");
            }
            file = Open(hourStart, offset, streamTimeBefore, watermark, now);
        }

        file.Writer!.Write(record);
        file.LastOffset = offset;
        RecordsWritten++;
        if (FileRotation.RotateOnSize(file.Writer.RecordCount, file.Writer.EstimatedBytes, _options.MaxRecordsPerFile, _options.MaxBytesPerFile, _logger))
        {
            file.ClosedBySize = true;
            Rotate(file, "size");
        }
    }

    /// <summary>Moves past a record that is not written (rejected to sink.rejected); it does not touch stream time.</summary>
    public void Skip(long offset)
    {
        if (offset >= _nextOffset)
        {
            _nextOffset = offset + 1;
        }
    }

    /// <summary>Whether files wait for upload, or the time bound says an open file should rotate.</summary>
    public bool IsCommitDue(DateTimeOffset now)
    {
        if (_pending.Count > 0)
        {
            return true;
        }
        if (_options.RotateInterval is null)
        {
            return false;
        }
        foreach (var file in _slots.Values)
        {
            if (!file.IsReplayed && FileRotation.RotateOnTime(file.OpenedAt, now, _options.RotateInterval, _logger))
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>
    /// Uploads the files that should rotate (with <paramref name="all"/>: every open file, as at the end of a bounded run
    /// or before a revocation). Files are uploaded one by one in start-offset order; after a storage failure the rest stay
    /// pending and a later call continues.
    /// </summary>
    /// <returns>Files, records and bytes uploaded by this call.</returns>
    /// <exception cref="StorageException">An upload failed (retriable).</exception>
    public async Task<(long Files, long Records, long Bytes)> CommitFilesAsync(bool all, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        foreach (var file in _slots.Values.ToList())
        {
            if (all)
            {
                Rotate(file, file.IsReplayed ? "flush (replayed)" : "flush");
            }
            else if (!file.IsReplayed && FileRotation.RotateOnTime(file.OpenedAt, now, _options.RotateInterval, _logger))
            {
                Rotate(file, "time");
            }
        }
        long files = 0, records = 0, bytes = 0;
        while (_pending.Count > 0)
        {
            var file = _pending[0];
            var writer = file.Writer!;
            bytes += await writer.CommitAsync(cancellationToken).ConfigureAwait(false);
            records += writer.RecordCount;
            files++;
            file.State = HourFileState.Committed;
            _fileCounts?.Add(_partition, file.HourStart);
            writer.Dispose();
            _pending.RemoveAt(0);
            _logger.LogDebug("{Prefix} committed {Key} ({Records} records, offsets {Start}..{Last})", _logPrefix, writer.Key, writer.RecordCount, file.StartOffset, file.LastOffset);
        }
        return (files, records, bytes);
    }

    /// <summary>The checkpoint of the current resume offset.</summary>
    /// <exception cref="InvalidOperationException">No record or checkpoint was seen yet.</exception>
    public PartitionCheckpoint CreateCheckpoint()
    {
        var resume = ResumeOffset;
        if (resume < 0)
        {
            throw new InvalidOperationException($"{_logPrefix}: nothing read yet, so there is no checkpoint.");
        }
        long? streamTime;
        IEnumerable<HourFile> openAtResume;
        if (_known.TryGetValue(resume, out var first) && !first.IsReplayed && first.State != HourFileState.Committed)
        {
            // The resume offset starts a file: the state is the one captured when that file opened. Every file open then
            // started earlier and has been uploaded since (the resume offset is the lowest pending start).
            streamTime = first.StreamTimeBefore;
            openAtResume = first.OpenBefore.Select(start => _known[start]);
        }
        else
        {
            streamTime = _streamTime;
            openAtResume = _slots.Values; // only replayed files hold slots when no file is pending
        }
        return new PartitionCheckpoint
        {
            ResumeOffset = resume,
            StreamTime = streamTime,
            OpenFiles = openAtResume.Select(f => new CheckpointFile(f.HourStart, f.StartOffset, f.LastOffset, f.ClosedBySize, f.IsLate, f.OpenedAtWatermark)).ToList(),
        };
    }

    /// <summary>Notes that the checkpoint was stored, and forgets files no later checkpoint can mention.</summary>
    public void CheckpointStored(PartitionCheckpoint checkpoint)
    {
        ArgumentNullException.ThrowIfNull(checkpoint);
        _storedResumeOffset = checkpoint.ResumeOffset;
        var keep = new HashSet<long>();
        foreach (var file in _slots.Values.Concat(_pending))
        {
            keep.Add(file.StartOffset);
            keep.UnionWith(file.OpenBefore);
        }
        foreach (var start in _known.Keys.ToList())
        {
            if (start < checkpoint.ResumeOffset && !keep.Contains(start))
            {
                _known.Remove(start);
            }
        }
    }

    /// <summary>Releases every file without uploading (partition revoked or lost).</summary>
    public void Discard()
    {
        foreach (var file in _slots.Values.Concat(_pending))
        {
            file.Writer?.Close();
        }
        _slots.Clear();
        _pending.Clear();
        _known.Clear();
    }

    /// <inheritdoc />
    public void Dispose() => Discard();

    private HourFile Open(long hourStart, long offset, long? streamTimeBefore, long? watermark, DateTimeOffset now)
    {
        var key = ObjectKeys.DataFile(_partitioner, _options.Table, _topic, _partition, hourStart, offset);
        var hourEnd = _partitioner.PartitionEnd(hourStart);
        var file = new HourFile
        {
            HourStart = hourStart,
            HourEnd = hourEnd,
            IsLate = FileRotation.RotateOnHourClose(hourEnd, watermark, _logger), // its hour is already closed
            OpenedAtWatermark = watermark ?? 0,
            StartOffset = offset,
            LastOffset = offset,
            Writer = _provider.Create(key),
            OpenedAt = now,
            StreamTimeBefore = streamTimeBefore,
            OpenBefore = _openBeforeScratch.ToArray(),
        };
        _slots[hourStart] = file;
        _known[offset] = file;
        _logger.LogDebug("{Prefix} opened {Kind} {Key}", _logPrefix, file.IsLate ? "late file" : "file", key);
        return file;
    }

    private void Rotate(HourFile file, string reason)
    {
        switch (file.State)
        {
            case HourFileState.Writing:
                _slots.Remove(file.HourStart);
                if (file.IsReplayed)
                {
                    file.State = HourFileState.Committed; // uploaded in an earlier run
                }
                else
                {
                    file.State = HourFileState.ShouldRotate;
                    _pending.Add(file);
                    _pending.Sort(static (a, b) => a.StartOffset.CompareTo(b.StartOffset));
                }
                _logger.LogDebug("{Prefix} rotating {File}: {Reason}", _logPrefix, file, reason);
                break;
            case HourFileState.ShouldRotate:
            case HourFileState.Committed:
                throw new InvalidOperationException($"{_logPrefix}: illegal state {file.State} while rotating {file}.");
            default:
                throw new InvalidOperationException($"{_logPrefix}: unknown state {file.State} of {file}.");
        }
    }
}
