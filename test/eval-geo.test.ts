import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseGeoXml } from '../eval/tasks/geo.js';

describe('geo eval formats', () => {
  it('reads LGL/TR-News, GeoVirus and GeoWebNews articles', () => {
    const lgl = `<articles><article docid="1"><text><![CDATA[Rain fell on Springfield.]]></text><toponyms><toponym><start>13</start><end>24</end><phrase>Springfield</phrase><gaztag geonameid="4250542"><name>Springfield</name><lat>39.8</lat><lon>-89.6</lon></gaztag></toponym></toponyms></article></articles>`;
    const [a] = parseGeoXml(lgl);
    assert.equal(a.toponyms[0].geonameid, 4250542);
    assert.equal(a.text.slice(a.toponyms[0].start, a.toponyms[0].end), 'Springfield');

    // offsets one off, as some GeoVirus records are: realigned on the name
    const gv = `<articles><article><source>x</source><text>Cases rose in Lagos &amp; Abuja.</text><locations><location><name>Abuja</name><start>23</start><end>28</end><lat>9.07</lat><lon>7.49</lon><page>p</page></location></locations></article></articles>`;
    const [b] = parseGeoXml(gv);
    assert.equal(b.text.slice(b.toponyms[0].start, b.toponyms[0].end), 'Abuja');
    assert.equal(b.toponyms[0].geonameid, null);

    const gwn = `<articles><article><text>Kenyan officials met in Nairobi.</text><toponyms><toponym><extractedName>Kenyan</extractedName><type>Demonym</type><start>0</start><end>6</end><geonamesID>192950</geonamesID><latitude>1</latitude><longitude>38</longitude></toponym><toponym><extractedName>Nairobi</extractedName><type>Literal</type><start>23</start><end>30</end><geonamesID>184745</geonamesID><latitude>-1.28</latitude><longitude>36.82</longitude></toponym></toponyms></article></articles>`;
    const [c] = parseGeoXml(gwn);
    assert.deepEqual(
      c.toponyms.map((t) => [t.type, t.geonameid, t.lat]),
      [
        ['Demonym', 192950, 1],
        ['Literal', 184745, -1.28],
      ],
    );
  });
});
