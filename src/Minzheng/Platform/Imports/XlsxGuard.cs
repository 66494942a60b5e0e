using System.Buffers.Binary;
using System.Globalization;
using System.IO.Compression;
using System.Xml;


namespace Minzheng.Platform.Imports;

/// <summary>
/// Walks an uploaded .xlsx before any spreadsheet library reads it (security item 4): a 460 KB file can hold one
/// 450-million-character shared string, which MiniExcel would build as one string. Every entry is decompressed as a
/// stream and its real bytes counted (the sizes in the zip headers are the sender's word, not a fact); every XML part
/// is read with an <see cref="XmlReader"/> whose text is taken <see cref="XmlReader.ReadValueChunk"/> by chunk, so no
/// text node is ever materialised. Memory is a few buffers whatever the file; a refusal is an
/// <see cref="UnreadableFileException"/> with a Chinese message.
/// </summary>
public static class XlsxGuard
{
    /// <summary>Excel's own limit for the text of one cell.</summary>
    public const int MaxCellChars = 32_767;

    /// <summary>Everything the package unpacks to, counted as it is decompressed.</summary>
    public const long MaxUnpackedBytes = 512L * 1024 * 1024;

    /// <summary>
    /// Unpacked ÷ packed size of one entry. Spreadsheet XML deflates 5–20×, very repetitive sheets reach ~100×;
    /// a run of one repeated character deflates ~1000×, which is what the bombs are made of.
    /// </summary>
    public const int MaxCompressionRatio = 200;

    /// <summary>Below this an entry's ratio is not judged: tiny parts (a 2 KB styles.xml) compress very well too.</summary>
    public const long RatioFloorBytes = 8L * 1024 * 1024;

    public const int MaxZipEntries = 2000;

    /// <summary>Columns a sheet may name (IV, the old Excel limit): readers size every row by the widest column.</summary>
    public const int MaxColumns = 256;

    /// <summary>
    /// Bytes between two '&lt;' of an XML part: covers a tag with its attributes (which XmlReader does materialise) and
    /// a text node of 32,767 characters even written as numeric references (~10 bytes each).
    /// </summary>
    public const int MaxMarkupGapBytes = 1024 * 1024;

    private const string Refused = "文件解压后过大或压缩比异常，已拒绝（疑似压缩炸弹）";
    private const string NotXlsx = "文件无法读取：不是有效的 .xlsx 文件";

    /// <summary>Refuses the package unless every bound holds; returns normally when MiniExcel may read it.</summary>
    public static void Check(byte[] content)
    {
        CheckEntryCount(content);
        try
        {
            using var zip = new ZipArchive(new MemoryStream(content, writable: false), ZipArchiveMode.Read);
            var budget = new Budget();
            var buffer = new char[4096];
            foreach (var entry in zip.Entries)
            {
                // A lying header can understate the packed size too: never judge the ratio against more than the file.
                var packed = Math.Min(entry.CompressedLength, content.Length);
                using var stream = new CountingStream(entry.Open(), budget, Math.Max(RatioFloorBytes, packed * MaxCompressionRatio),
                    entry.FullName.EndsWith(".xml", StringComparison.OrdinalIgnoreCase) || entry.FullName.EndsWith(".rels", StringComparison.OrdinalIgnoreCase));
                if (stream.IsXml)
                {
                    ScanXml(stream, entry.FullName, buffer);
                }
                else
                {
                    stream.CopyTo(Stream.Null);
                }
            }
        }
        catch (Exception ex) when (ex is InvalidDataException or XmlException or IOException or NotSupportedException)
        {
            throw new UnreadableFileException(NotXlsx);
        }
    }

    /// <summary>
    /// The entry count from the end-of-central-directory record, before <see cref="ZipArchive"/> builds an object per
    /// entry (a 50 MB file can declare a million). ZIP64 (over 65,535 entries or 4 GB) is never a roster.
    /// </summary>
    private static void CheckEntryCount(byte[] content)
    {
        var span = content.AsSpan();
        for (var i = span.Length - 22; i >= Math.Max(0, span.Length - 22 - ushort.MaxValue); i--)
        {
            if (BinaryPrimitives.ReadUInt32LittleEndian(span[i..]) == 0x06054b50)
            {
                var entries = BinaryPrimitives.ReadUInt16LittleEndian(span[(i + 10)..]);
                if (entries > MaxZipEntries)
                {
                    throw new UnreadableFileException(Refused);
                }

                return;
            }
        }

        throw new UnreadableFileException(NotXlsx);
    }

    private static void ScanXml(Stream stream, string entryName, char[] buffer)
    {
        var settings = new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null, IgnoreComments = true, CloseInput = false };
        using var reader = XmlReader.Create(stream, settings);
        var part = Part.Of(entryName);
        var (sharedIndex, cell, length) = (0, (string?)null, 0L);
        while (reader.Read())
        {
            switch (reader.NodeType)
            {
                case XmlNodeType.Element when part.Kind == PartKind.SharedStrings && reader.LocalName == "si":
                    (sharedIndex, length) = (sharedIndex + 1, 0);
                    break;
                case XmlNodeType.Element when part.Kind == PartKind.Sheet && reader.LocalName == "c":
                    (cell, length) = (reader.GetAttribute("r"), 0);
                    CheckColumn(cell, part);
                    break;
                case XmlNodeType.Element when part.Kind == PartKind.Sheet && reader.LocalName == "dimension":
                    CheckColumn(reader.GetAttribute("ref")?.Split(':')[^1], part);
                    break;
                case XmlNodeType.Element when part.Kind == PartKind.Sheet && reader.LocalName is "v" or "f" or "is":
                    // The value, the formula and the inline string of a cell are each bounded; rich-text runs add up.
                    length = 0;
                    break;
                case XmlNodeType.Text or XmlNodeType.CDATA or XmlNodeType.SignificantWhitespace or XmlNodeType.Whitespace:
                    for (int read; (read = reader.ReadValueChunk(buffer, 0, buffer.Length)) > 0;)
                    {
                        length += read;
                        if (length > MaxCellChars)
                        {
                            throw new UnreadableFileException(part.TooLong(sharedIndex, cell));
                        }
                    }

                    break;
            }
        }
    }

    private static void CheckColumn(string? reference, Part part)
    {
        var letters = reference is null ? 0 : reference.TakeWhile(char.IsAsciiLetter).Count();
        var column = 0;
        for (var i = 0; i < letters && column <= MaxColumns; i++)
        {
            column = (column * 26) + (char.ToUpperInvariant(reference![i]) - 'A' + 1);
        }

        if (column > MaxColumns)
        {
            throw new UnreadableFileException(string.Create(CultureInfo.InvariantCulture,
                $"{part.Name}的单元格“{reference![..Math.Min(reference!.Length, 20)]}”超出{MaxColumns}列的上限，请删除多余的列后重新上传"));
        }
    }

    private enum PartKind
    {
        Other,
        SharedStrings,
        Sheet,
    }

    private sealed record Part(PartKind Kind, string Name)
    {
        public static Part Of(string entryName)
        {
            if (entryName.Equals("xl/sharedStrings.xml", StringComparison.OrdinalIgnoreCase))
            {
                return new Part(PartKind.SharedStrings, "共享字符串表");
            }

            var file = Path.GetFileNameWithoutExtension(entryName);
            return entryName.StartsWith("xl/worksheets/", StringComparison.OrdinalIgnoreCase) && file.StartsWith("sheet", StringComparison.OrdinalIgnoreCase)
                ? new Part(PartKind.Sheet, $"第{file[5..]}个工作表")
                : new Part(PartKind.Other, $"文件内的“{entryName[..Math.Min(entryName.Length, 60)]}”");
        }

        public string TooLong(int sharedIndex, string? cell) => Kind switch
        {
            PartKind.SharedStrings => $"第{sharedIndex}个共享字符串超过{MaxCellChars}个字符（Excel 单元格的上限），已拒绝",
            PartKind.Sheet when cell is not null => $"{Name}的单元格 {cell[..Math.Min(cell.Length, 20)]} 超过{MaxCellChars}个字符（Excel 单元格的上限），已拒绝",
            _ => $"{Name}中有超过{MaxCellChars}个字符的文字，已拒绝",
        };
    }

    /// <summary>The unpacked bytes of the whole package.</summary>
    private sealed class Budget
    {
        public long Unpacked;
    }

    /// <summary>
    /// Counts the real decompressed bytes of one entry against the package's and the entry's caps, and (for XML) the
    /// longest run between two '&lt;', refusing as soon as one is passed: nothing beyond a cap is ever decompressed.
    /// </summary>
    private sealed class CountingStream(Stream inner, Budget budget, long entryCap, bool isXml) : Stream
    {
        private long _read;
        private long _sinceMarkup;

        public bool IsXml => isXml;

        public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

        public override int Read(Span<byte> buffer)
        {
            var n = inner.Read(buffer);
            _read += n;
            budget.Unpacked += n;
            if (_read > entryCap || budget.Unpacked > MaxUnpackedBytes)
            {
                throw new UnreadableFileException(Refused);
            }

            if (isXml)
            {
                // Reads are a few KB: only the run across block boundaries can grow, the runs inside one block cannot.
                var block = buffer[..n];
                var first = block.IndexOf((byte)'<');
                _sinceMarkup = first < 0 ? _sinceMarkup + n : _sinceMarkup + first;
                if (_sinceMarkup > MaxMarkupGapBytes)
                {
                    throw new UnreadableFileException("文件结构异常：表格中有超长的标记或文字，已拒绝");
                }

                if (first >= 0)
                {
                    _sinceMarkup = n - block.LastIndexOf((byte)'<') - 1;
                }
            }

            return n;
        }

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => _read; set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                inner.Dispose();
            }

            base.Dispose(disposing);
        }
    }
}
