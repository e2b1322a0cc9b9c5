using System.Globalization;
using System.Security;
using System.Text;

namespace ZemgaleNvo.Pdf.Writing;

/// <summary>
/// The document's XMP metadata: title, author, language, dates, producer and the PDF/UA-1
/// identification (<c>pdfuaid:part 1</c>) that checkers such as veraPDF and PAC look for.
/// </summary>
internal static class Xmp
{
    public static string Packet(DocumentInfo info, DateTimeOffset created, ReadOnlySpan<byte> documentId)
    {
        var date = created.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
        var hex = Convert.ToHexStringLower(documentId);
        var uuid = $"uuid:{hex[..8]}-{hex[8..12]}-{hex[12..16]}-{hex[16..20]}-{hex[20..32]}";
        var xmp = new StringBuilder(2048);
        xmp.Append("<?xpacket begin=\"\uFEFF\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?>\n")
            .Append("<x:xmpmeta xmlns:x=\"adobe:ns:meta/\">\n<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">\n")
            .Append("<rdf:Description rdf:about=\"\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\" xmlns:pdf=\"http://ns.adobe.com/pdf/1.3/\"")
            .Append(" xmlns:xmp=\"http://ns.adobe.com/xap/1.0/\" xmlns:xmpMM=\"http://ns.adobe.com/xap/1.0/mm/\" xmlns:pdfuaid=\"http://www.aiim.org/pdfua/ns/id/\">\n")
            .Append("<dc:format>application/pdf</dc:format>\n");
        if (!string.IsNullOrEmpty(info.Title))
        {
            xmp.Append("<dc:title><rdf:Alt><rdf:li xml:lang=\"x-default\">").Append(Escape(info.Title)).Append("</rdf:li></rdf:Alt></dc:title>\n");
        }

        if (!string.IsNullOrEmpty(info.Author))
        {
            xmp.Append("<dc:creator><rdf:Seq><rdf:li>").Append(Escape(info.Author)).Append("</rdf:li></rdf:Seq></dc:creator>\n");
        }

        if (!string.IsNullOrEmpty(info.Subject))
        {
            xmp.Append("<dc:description><rdf:Alt><rdf:li xml:lang=\"x-default\">").Append(Escape(info.Subject)).Append("</rdf:li></rdf:Alt></dc:description>\n");
        }

        xmp.Append("<dc:language><rdf:Bag><rdf:li>").Append(Escape(info.Language)).Append("</rdf:li></rdf:Bag></dc:language>\n");
        if (!string.IsNullOrEmpty(info.Keywords))
        {
            xmp.Append("<pdf:Keywords>").Append(Escape(info.Keywords)).Append("</pdf:Keywords>\n");
        }

        if (!string.IsNullOrEmpty(info.Producer))
        {
            xmp.Append("<pdf:Producer>").Append(Escape(info.Producer)).Append("</pdf:Producer>\n");
        }

        if (!string.IsNullOrEmpty(info.Creator))
        {
            xmp.Append("<xmp:CreatorTool>").Append(Escape(info.Creator)).Append("</xmp:CreatorTool>\n");
        }

        xmp.Append("<xmp:CreateDate>").Append(date).Append("</xmp:CreateDate>\n")
            .Append("<xmp:ModifyDate>").Append(date).Append("</xmp:ModifyDate>\n")
            .Append("<xmp:MetadataDate>").Append(date).Append("</xmp:MetadataDate>\n")
            .Append("<xmpMM:DocumentID>").Append(uuid).Append("</xmpMM:DocumentID>\n")
            .Append("<xmpMM:InstanceID>").Append(uuid).Append("</xmpMM:InstanceID>\n")
            .Append("<pdfuaid:part>1</pdfuaid:part>\n")
            .Append("</rdf:Description>\n</rdf:RDF>\n</x:xmpmeta>\n<?xpacket end=\"r\"?>");
        return xmp.ToString();
    }

    private static string Escape(string text) => SecurityElement.Escape(text);
}
