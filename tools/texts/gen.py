import json, glob, html, os, sys
here = os.path.dirname(os.path.abspath(__file__))
texts = {}
for f in sorted(glob.glob(os.path.join(here, '*.json'))):
    for k, v in json.load(open(f)).items():
        if k in texts: print("duplicate key", k, file=sys.stderr)
        texts[k] = v
def resx(lang_index, path):
    out = ['<?xml version="1.0" encoding="utf-8"?>', '<root>',
      '  <resheader name="resmimetype"><value>text/microsoft-resx</value></resheader>',
      '  <resheader name="version"><value>2.0</value></resheader>',
      '  <resheader name="reader"><value>System.Resources.ResXResourceReader, System.Windows.Forms, Version=4.0.0.0, Culture=neutral, PublicKeyToken=b77a5c561934e089</value></resheader>',
      '  <resheader name="writer"><value>System.Resources.ResXResourceWriter, System.Windows.Forms, Version=4.0.0.0, Culture=neutral, PublicKeyToken=b77a5c561934e089</value></resheader>']
    for k in sorted(texts, key=str.lower):
        out.append(f'  <data name="{html.escape(k, quote=True)}" xml:space="preserve"><value>{html.escape(texts[k][lang_index], quote=False)}</value></data>')
    out.append('</root>')
    open(path, 'w').write('\n'.join(out) + '\n')
base = os.path.join(here, '..', '..', 'src', 'LicensingPortal.Api', 'Resources') + os.sep
resx(1, base + 'SharedResource.resx')
resx(0, base + 'SharedResource.id.resx')
print(len(texts), "texts")
