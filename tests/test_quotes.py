"""Quotes: the seed's exactly, then one small hand-written case per form, table-driven."""

import json

import pytest

from search.articles import Article
from search.cli import main
from search.extract import extract
from search.extract.quotes import find_spans
from search.loaders import read_seed_text

from .conftest import SEED_FILE

SEED_QUOTES = [
    {"speaker": "Suhajar Diantoro", "kind": "indirect", "cue": "mengatakan",
     "text": "tujuan dari Rakornas tersebut adalah mengkoordinasikan serta menyatukan langkah dalam percepatan "
             "pelaksanaan reformasi birokrasi di daerah, sesuai dengan Rencana Pembangunan Jangka Menengah (RPJM) "
             "Tahun 2019-2024"},
    {"speaker": "Suhajar Diantoro", "kind": "indirect", "cue": "menyebut",
     "text": "reformasi birokrasi ini menjadi sangat penting, mengingat birokrasi merupakan leher dari sistem "
             "pemerintahan"},
    {"speaker": "Suhajar Diantoro", "kind": "direct", "cue": "ujarnya",
     "text": "Awal perubahan birokrasi di tahun 2014 dan targetnya tahun 2024 menjadi pemerintahan kelas dunia. "
             "Bukan hanya melayani tapi bersih melayani. Intinya bagaimana pelayanan itu sampai ke rakyat, budaya "
             "kerja kita harus kita rubah. Apapun jabatannya, kerjaannya harus melayani, melayani masyarakat"},
    {"speaker": "Suhajar Diantoro", "kind": "indirect", "cue": "mengatakan",
     "text": "untuk mencapai sistem pemerintahan kelas dunia, diperlukan managemen dalam setiap aspek birokrasi"},
    {"speaker": "Suhajar Diantoro", "kind": "direct", "cue": "ungkap",
     "text": "Merubah pemerintahannya menjadi instansi pelayanan. Apabila kita mampu merubah pemerintahan ini "
             "menjadi organsisasi pelayanan publik yang efektif, birokrasi bersih melayani. Kalau bisa, mau efektif, "
             "harus dihubungkan dengan teknologi yang bisa melayani 24 jam sehari. Sekarang kita bertransformasi "
             "kesana, banyak daerah yang sudah melakukan pelayanan online"},
]


def quotes_of(body: str) -> list[tuple]:
    return [(q.kind, q.speaker, q.text, q.cue) for q in extract(Article(id="t", title="", body=body)).quotes]


def test_seed_quotes_exactly():
    result = extract(read_seed_text(SEED_FILE))
    assert [{"speaker": q.speaker, "kind": q.kind, "cue": q.cue, "text": q.text} for q in result.quotes] == SEED_QUOTES


def test_extract_command_prints_quotes(capsys):
    assert main(["extract", str(SEED_FILE)]) == 0
    record = json.loads(capsys.readouterr().out)
    assert [{k: q[k] for k in ("speaker", "kind", "cue", "text")} for q in record["quotes"]] == SEED_QUOTES
    assert sorted(record["quotes"][0]) == ["cue", "kind", "speaker", "text"]


WALIKOTA = "Wali Kota Bandung Oded M. Danial meninjau banjir, Senin."


@pytest.mark.parametrize("body, expected", [
    # attribution after, straight and curly marks
    (WALIKOTA + ' "Air sudah surut sejak pagi," kata Oded.',
     [("direct", "Oded M. Danial", "Air sudah surut sejak pagi", "kata")]),
    (WALIKOTA + " “Air sudah surut sejak pagi,” ujar Oded di lokasi.",
     [("direct", "Oded M. Danial", "Air sudah surut sejak pagi", "ujar")]),
    # the indosum spacing of marks
    (WALIKOTA + ' " Air sudah surut sejak pagi , " tegas Oded.',
     [("direct", "Oded M. Danial", "Air sudah surut sejak pagi", "tegas")]),
    # attribution before
    (WALIKOTA + ' Oded mengatakan, "Warga diminta tetap waspada."',
     [("direct", "Oded M. Danial", "Warga diminta tetap waspada", "mengatakan")]),
    # a quote split by its attribution: two quotes, one speaker
    (WALIKOTA + ' "Air sudah surut," kata Oded. "Warga boleh pulang ke rumah."',
     [("direct", "Oded M. Danial", "Air sudah surut", "kata"),
      ("direct", "Oded M. Danial", "Warga boleh pulang ke rumah", None)]),
    # pronouns: -nya, kata dia, ia menambahkan
    (WALIKOTA + ' "Air sudah surut sejak pagi," ujarnya.',
     [("direct", "Oded M. Danial", "Air sudah surut sejak pagi", "ujarnya")]),
    (WALIKOTA + ' "Air sudah surut sejak pagi," kata dia.',
     [("direct", "Oded M. Danial", "Air sudah surut sejak pagi", "kata")]),
    (WALIKOTA + ' "Air sudah surut sejak pagi," ia menambahkan.',
     [("direct", "Oded M. Danial", "Air sudah surut sejak pagi", "menambahkan")]),
    # a person who is not an official: the name as written
    ('Warga Cicadas, Dedi Suhendar, kehilangan rumahnya. "Semua barang hanyut," kata Dedi Suhendar.',
     [("direct", "Dedi Suhendar", "Semua barang hanyut", "kata")]),
    # nobody named
    ('Banjir melanda Cicadas. "Semua barang hanyut," kata seorang warga.',
     [("direct", None, "Semua barang hanyut", "kata")]),
])
def test_direct_quotes(body, expected):
    assert quotes_of(body) == expected


@pytest.mark.parametrize("body, expected", [
    (WALIKOTA + " Oded mengatakan, bahwa pompa air sudah dinyalakan.",
     [("indirect", "Oded M. Danial", "pompa air sudah dinyalakan", "mengatakan")]),
    (WALIKOTA + " Oded menyebut pompa air sudah dinyalakan sejak pagi.",
     [("indirect", "Oded M. Danial", "pompa air sudah dinyalakan sejak pagi", "menyebut")]),
    (WALIKOTA + " Menurut Oded, pompa air sudah dinyalakan.",
     [("indirect", "Oded M. Danial", "pompa air sudah dinyalakan", "Menurut")]),
    (WALIKOTA + " Menurutnya, pompa air sudah dinyalakan.",
     [("indirect", "Oded M. Danial", "pompa air sudah dinyalakan", "Menurutnya")]),
    (WALIKOTA + " Pompa air, kata Oded, sudah dinyalakan sejak pagi.",
     [("indirect", "Oded M. Danial", "Pompa air sudah dinyalakan sejak pagi", "kata")]),
    (WALIKOTA + " Pompa air sudah dinyalakan sejak pagi, kata Oded.",
     [("indirect", "Oded M. Danial", "Pompa air sudah dinyalakan sejak pagi", "kata")]),
    (WALIKOTA + " Ia menjelaskan, pompa air sudah dinyalakan.",
     [("indirect", "Oded M. Danial", "pompa air sudah dinyalakan", "menjelaskan")]),
    # an aside between the verb and the clause
    (WALIKOTA + " Oded mengatakan kepada wartawan, pompa air sudah dinyalakan.",
     [("indirect", "Oded M. Danial", "pompa air sudah dinyalakan", "mengatakan")]),
])
def test_indirect_quotes(body, expected):
    assert quotes_of(body) == expected


@pytest.mark.parametrize("body", [
    # a programme title, a slogan, a scare quote: marks, but nobody is said to say them
    'Pemkot menggelar program "Bandung Juara" di alun-alun.',
    'Spanduk bertuliskan "Bersih Itu Sehat" dipasang di jalan.',
    'Sejumlah PNS akan "dipangkas" tahun depan.',
    # a verb of saying that reports nothing, or is not a report
    "Wali Kota Bandung Oded M. Danial enggan menyebutkan jumlahnya.",
    "Ada pihak yang mengatakan banjir akan datang lagi.",
    # menurut a source that is not a speaker
    "Menurut data BPS, harga beras naik tiga persen.",
    # a verb of saying whose object is a thing said, not a clause
    "Gubernur Jawa Timur Khofifah Indar Parawansa menyampaikan terima kasih kepada segenap jajaran pemerintah provinsi.",
    "Wakil Gubernur Emil Elestianto Dardak menyampaikan permohonan maaf selama menjalankan tugasnya.",
    # ... or a story, a feeling, a reason told (`menceritakan pengalamannya`, `membeberkan alasan …`)
    "Artis Arzeti Bilbina menceritakan pengalamannya saat akun Facebook miliknya diretas orang.",
    "Penyerang Sergio van Dijk mengungkapkan perasaannya yang tak masuk dalam pilihan pelatih.",
    "Menteri UMKM Maman Abdurrahman membeberkan alasan bunga kredit nasabah bisa tergolong tinggi.",
    "Ketua KPU Arief Budiman membeberkan konsep kerja selama lima tahun ke depan.",
    "Ketua Organda Agus Sikumbang menyampaikan keluhannya di DPRD Pekanbaru pasca insiden berdarah.",
])
def test_not_quotes(body):
    assert quotes_of(body) == []


def test_pronoun_goes_to_the_subject_not_the_last_name():
    body = ('Gubernur Jawa Timur Khofifah Indar Parawansa melantik Bupati Ipuk Fiestiandani. '
            '"Kami siap bekerja," kata Khofifah. Khofifah memuji Ipuk. "Beliau pekerja keras," ujarnya.')
    assert [q[1] for q in quotes_of(body)] == ["Khofifah Indar Parawansa", "Khofifah Indar Parawansa"]


def test_paragraph_quote_without_closing_mark_ends_at_the_line():
    text = '"Air sudah surut.\n"Warga boleh pulang," kata Oded.'
    spans = find_spans(text)
    assert [(s.open, s.close, s.closed) for s in spans] == [(0, 17, False), (18, 38, True)]


def speakers_of(body: str) -> list[tuple]:
    return [(q.kind, q.speaker, q.cue) for q in extract(Article(id="t", title="", body=body)).quotes]


@pytest.mark.parametrize("body, expected", [
    # a pronoun after an unnamed speaker's quote is that unnamed speaker, not a name further back
    ('Penyanyi Mariah Carey tampil di Las Vegas, Sabtu.\n\n"Dia dibawa ke panggung dengan kasur," kata seorang '
     'saksi mata. "Dia terus menghilang setiap lima belas menit," ujarnya.',
     [("direct", None, "kata"), ("direct", None, "ujarnya")]),
    # a name right after a preposition is not who the sentence is about: `Berbeda dengan Tomy, Arkani …`
    ('Tomy Kharisma mendaftar sebagai caleg PSI. "Saya ingin mengubah politik," kata Tomy.\n\nBerbeda dengan '
     'Tomy, Arkani Melinda Putri justru memilih ikut daftar CPNS.\n\n"Kalau ikut partai enggak ada jaminan," '
     'katanya.',
     [("direct", "Tomy", "kata"), ("direct", "Arkani Melinda Putri", "katanya")]),
    # a sentence opening with `Selain`, `Pihak`, or a name before a passive verb has no person for subject
    ('Pelatih Jakarta Elektrik Chamnan Dokmai memimpin latihan. "Pemain sudah siap," kata Chamnan Dokmai.\n\nSelain '
     'Elektrik, tiga tim lolos ke babak final four.\n\n"Mentalitas sangat penting dimiliki," tuturnya.',
     [("direct", "Chamnan Dokmai", "kata"), ("direct", "Chamnan Dokmai", "tuturnya")]),
    ('Pentolan Viking Yana Umar melayat ke rumah duka. "Jangan sampai terulang," kata Yana.\n\nKasus Ricko '
     'diharapkan menjadi titik balik perdamaian.\n\n"Berbesar hatilah mengakui kesalahan," ujarnya.',
     [("direct", "Yana", "kata"), ("direct", "Yana", "ujarnya")]),
    # a form of address before the name (`Gus`, `Bang`) still widens to the person
    ('Ketua DPD Gerindra Jatim Anwar Sadad mengatakan, masa tenang merupakan momen krusial. "Jaga suara kita," '
     'kata Anwar Sadad.\n\nPolitikus yang akrab disapa Gus Sadad itu meminta kader tidak lengah.\n\n'
     '"Kemenangan sudah di depan mata," tegas Gus Sadad.',
     [("indirect", "Anwar Sadad", "mengatakan"), ("direct", "Anwar Sadad", "kata"), ("direct", "Anwar Sadad", "tegas")]),
    # a shortened first name stands for the official it begins: `Alex` for Alexander Marwata
    ('Wakil Ketua KPK Alexander Marwata menerima laporan dana desa.\n\n"Ada 300 lebih pengaduan masyarakat," '
     'kata Alex di Istana.',
     [("direct", "Alexander Marwata", "kata")]),
    # a description after the cue that ends with a name: the name
    ('Persib berduka atas meninggalnya seorang Bobotoh.\n\n"Persib merasa kehilangan seorang Bobotoh," ujar '
     'media officer Persib Irfan Suryadireja saat melayat.',
     [("direct", "Irfan Suryadireja", "ujar")]),
    # a name set off by commas after a description opens the story: `Pelatih PBFC, Dragan Djukovic kepada …`
    ('Pelatih PBFC, Dragan Djukovic kepada awak media memberikan komentarnya.\n\n"Kartu merah sangat merugikan '
     'kami," ujarnya.',
     [("direct", "Dragan Djukovic", "ujarnya")]),
    # a name before a relative clause ending in `tersebut` is the verb's subject
    ('"Kami bermain dengan sepuluh orang," kata pelatih Dragan Djukovic.\n\nSementara itu, kapten PBFC, Ponaryo '
     'Astaman yang hadir di sesi tanya jawab tersebut menuturkan, bahwa kekalahan itu sangat tidak menyenangkan.',
     [("direct", "Dragan Djukovic", "kata"),
      ("indirect", "Ponaryo Astaman", "menuturkan")]),
    # a pronoun opening the sentence is its subject; a name after it is in a clause of its own
    ('Gubernur Jawa Timur Khofifah Indar Parawansa menggelar apel bersama Wakil Gubernur Emil Elestianto Dardak. '
     'Senin menjadi hari terakhir Gubernur Khofifah menjabat. Emil menambahkan bahwa keberhasilan itu berkat '
     'kepemimpinan yang kuat. Untuk itu, ia mendoakan agar Gubernur Khofifah selalu mendapat kemudahan.\n\n'
     '"Kepemimpinan beliau masih sangat dibutuhkan," ucapnya.',
     [("indirect", "Emil Elestianto Dardak", "menambahkan"), ("direct", "Emil Elestianto Dardak", "ucapnya")]),
    # a description running past a comma to `itu` points back at the last speaker
    ('Sopir taksi Blue Bird, Taubert Chaidir, mengatakan kejadian seperti ini langka terjadi.\n\n"Kondisinya '
     'sudah sangat darurat," kata sopir yang berasal dari Gresik, Jawa Timur itu.',
     [("indirect", "Taubert Chaidir", "mengatakan"), ("direct", "Taubert Chaidir", "kata")]),
    # a person the last speaker talks about is the topic, not whom the next pronoun means
    ('Presiden Joko Widodo menunjuk Sekda Jawa Timur Adhy Karyono jadi Pj Gubernur. Koordinator Stafsus '
     'Presiden, Ari Dwipayana, mengatakan pelantikan Adhy Karyono digelar Jumat. Sebelum resmi sebagai Pj '
     'Gubernur, Adhy Karyono kini berstatus Plh Gubernur. "Pelantikan dilakukan oleh Mendagri," ujarnya.',
     [("indirect", "Ari Dwipayana", "mengatakan"), ("direct", "Ari Dwipayana", "ujarnya")]),
    # `Kata X, …` opening a sentence: the cue is no part of the name
    ('Arzeti Bilbina menceritakan akun Facebook miliknya sempat diretas orang. Kata Arzeti, dia kaget saat '
     'kawannya bilang sudah membayar tas itu.',
     [("indirect", "Arzeti Bilbina", "menceritakan"), ("indirect", "Arzeti Bilbina", "Kata")]),
    # an account's handle is no name; a run that runs on past the name of someone quoted before is that person
    ('Praktisi pemasaran digital Burhan Muktamar yang kerap berbagi tips lewat akun @Burhanmology, mengungkapkan '
     'cara efektif untuk mengatasi masalah ini. "Shopee sudah merilis halaman baru untuk penjual," jelas Burhan '
     'Langkah taktis Shopee ini dinilai strategis. Burhan menyebutkan halaman ini menjadi rincian yang lengkap.',
     [("indirect", "Burhan Muktamar", "mengungkapkan"), ("direct", "Burhan Muktamar", "jelas"),
      ("indirect", "Burhan Muktamar", "menyebutkan")]),
    # a description after the cue, then the name set off by a comma
    ('Penelitian di Skotlandia menemukan manfaat Pramuka.\n\n"Pemerintah perlu mendukung kegiatan ini," kata '
     'anggota tim peneliti, Richard Mitchell, di University of Glasgow.',
     [("direct", "Richard Mitchell", "kata")]),
    ('KontraS menyoroti kekerasan di Mimika.\n\n"Kekerasan hanya akan memicu eskalasi konflik," kata koordinator '
     'KontraS, Yati Andriyati, kepada wartawan.',
     [("direct", "Yati Andriyati", "kata")]),
    # a description ending in `itu` before an aside points back at the last speaker
    ('"Saya tidak memaksa Uma mengendarai mobil itu," kata Quentin Tarantino.\n\n"Ini penyesalan terbesar dalam '
     'hidup saya," kata sutradara berusia 54 tahun itu kepada Deadline.',
     [("direct", "Quentin Tarantino", "kata"), ("direct", "Quentin Tarantino", "kata")]),
    # a single name set off by two commas after a description is the sentence's subject
    ('Isu pencalonan beredar di media sosial. "Nanti Pak Anas yang akan menjelaskan," tutur Gus Ipul.\n\nKetua DPD '
     'PDI Perjuangan Jatim, Kusnadi, membantah keras isu yang beredar.\n\n"Tidak ada apa-apa," katanya.',
     [("direct", "Saifullah Yusuf", "tutur"), ("direct", "Kusnadi", "katanya")]),
    # a connective opening the sentence is no part of the name: `Sebelumnya Ely …`
    ('Pesinetron Ely Sugigi resmi bercerai. "Sudah resmi aku jadi janda," ucap Ely.\n\nSebelumnya Ely juga mengaku '
     'lega sudah resmi berpisah dengan suaminya.',
     [("direct", "Ely", "ucap"), ("indirect", "Ely", "mengaku")]),
    # a role after the cue, then the name after its comma
    ('Banjir merendam tiga kecamatan.\n\n"Air mulai surut sejak pagi," kata Kepala Dinas Sosial Kabupaten Bekasi, '
     'Budi Santoso.',
     [("direct", "Budi Santoso", "kata")]),
    # `Menurut <description> <name> dalam <source>, …`: the name, not the source's title
    ('Nama Mampang memiliki akar sejarah yang panjang. Menurut budayawan Rachmat Ruchiat dalam buku Asal-Usul '
     'Nama Tempat di Jakarta, Mampang merujuk pada nama sungai yang berhulu di Ragunan.',
     [("indirect", "Rachmat Ruchiat", "Menurut")]),
    # the speaker of a verb whose object is no clause still spoke: `Menurutnya` after it is them
    ('"Saya dan Pak Emil pamit," kata Gubernur Jawa Timur Khofifah Indar Parawansa. Sementara itu, Wakil Gubernur '
     'Emil Elestianto Dardak juga menyampaikan terima kasih kepada keluarga besar Pemprov Jatim. Menurutnya, kultur '
     'CETTAR telah dijalankan di semua lini.',
     [("direct", "Khofifah Indar Parawansa", "kata"), ("indirect", "Emil Elestianto Dardak", "Menurutnya")]),
])
def test_speakers(body, expected):
    assert speakers_of(body) == expected


# One case per class of speaker mistake found on the dev labels (bench/quotes.py), with the exact speakers.
@pytest.mark.parametrize("body, expected", [
    # nickname: a nickname the article gives stands for the person named before it
    ('Menteri Keuangan Sri Mulyani Indrawati menegaskan pemerintah akan mengejar konglomerat yang tidak taat '
     'pajak.\n\n"Selama dia adalah WNI, dia subjek pajak," tegas Ani, sapaan akrabnya.\n\nDalam Undang-Undang '
     'Pengampunan Pajak, kata dia, yang belum memiliki NPWP boleh mendaftar.',
     [("indirect", "Sri Mulyani Indrawati", "menegaskan"), ("direct", "Sri Mulyani Indrawati", "tegas"),
      ("indirect", "Sri Mulyani Indrawati", "kata")]),
    ('Ketua Umum Perbanas, Kartika Wirjoatmodjo yang akrab disapa Tiko menilai OJK perlu berbenah. Rapat digelar '
     'di Jakarta.\n\n"Tantangannya adalah pendalaman pasar keuangan," kata Tiko.',
     [("direct", "Kartika Wirjoatmodjo", "kata")]),
    # organisation: a name opened by `Laskar`, `Observatorium` is no person's, even where a role precedes it
    ('Ketua Fraksi Gerindra DPRD Jatim, Muhammad Fawait menyebut bahwa Khofifah akan dirindukan. "Saya yakin '
     'masyarakat akan merindukan beliau," kata Fawait. Presiden Laskar Sholawat Nusantara (LSN) ini juga '
     'menyebutkan bahwa sosok Khofifah adalah perempuan yang luar biasa.',
     [("indirect", "Muhammad Fawait", "menyebut"), ("direct", "Muhammad Fawait", "kata"),
      ("indirect", "Muhammad Fawait", "menyebutkan")]),
    ('Pasukan Demokratik Suriah telah merebut Raqa, kata Observatorium HAM Suriah seperti dilansir Reuters.',
     [("indirect", None, "kata")]),
    # dateline: a name set off after the body's dateline is the first sentence's subject; kinship: `Kakak Raoul
    # Salim ini` is the person named before, not Raoul
    ('Kapanlagi.com - Brandon Nicholas Salim, putra sulung aktor Fery Salim, rupanya semakin mantap menekuni '
     'dunia hiburan.\n\n"Di sini saya berperan sebagai Lido," jelasnya.\n\nKakak Raoul Salim ini jatuh cinta dan '
     'akhirnya mau bermain dalam film ini. "Genre filmnya drama dan musikal," tuturnya.',
     [("direct", "Brandon Nicholas Salim", "jelasnya"), ("direct", "Brandon Nicholas Salim", "tuturnya")]),
    ('Hingga saat ini keberadaan Ali Fahmi belum diketahui. Jaksa telah menemui istri Ali. Namun istri Ali '
     'mengaku tak mengetahui keberadaan suaminya.',
     [("indirect", None, "mengaku")]),
    # ... but `sang istri Vicky` is the wife, named
    ('Cornell punya riwayat mengonsumsi obat. Menurut sang istri Vicky, Cornell memang sesekali mengonsumsi '
     'Ativan.',
     [("indirect", "Vicky", "Menurut")]),
    # title: a capitalised title after the cue, a description in lower case, then the name after its comma;
    # but a name followed by an aside keeps the cue (`kata Aji Darmaji dengan suara bergetar … , Warung Buncit`)
    ('Indonesia bertemu Malaysia di final.\n\n"Kami memang sudah memprediksi tim putra bisa lolos," kata Manajer '
     'tim bulu tangkis Indonesia, Susy Susanti.',
     [("direct", "Susy Susanti", "kata")]),
    # a subject who answers (reply_verbs.txt) speaks next, though the speaker before named them
    ('Bupati Jember Hendy Siswanto menegur Kepala Dinas Kesehatan Jember Hendro Soelistijono.\n\n"Saya minta Pak '
     'Hendro segera menambah tenaga," kata Hendy.\n\nHendro menjawab pihaknya kekurangan tenaga. "Kami hanya punya '
     '40 vaksinator," ucapnya.',
     [("direct", "Hendy Siswanto", "kata"), ("direct", "Hendro Soelistijono", "ucapnya")]),
    # a club's word before the name is the club's (`Arema FC`), not the speaker's
    ('Presiden Arema FC Gilang Widya Pramana menyampaikan belasungkawa, Minggu (2/10/2022).\n\n"Kami turut '
     'berduka," ujar Gilang.',
     [("direct", "Gilang Widya Pramana", "ujar")]),
    ('Aji Darmaji berduka.\n\n"Saya langsung setir ke sana," kata Aji Darmaji dengan suara bergetar saat ditemui '
     'di Studio Trans7, Warung Buncit, Jakarta Selatan.',
     [("direct", "Aji Darmaji", "kata")]),
    # a new subject: a person named after a description and a comma, then an active verb, not the last speaker
    ('Ketua KPU Jawa Tengah, Joko Purnomo mengatakan pihaknya menutup pendaftaran. "Jadi selesai sudah," ujar '
     'Joko.\n\nSementara itu, usai mendaftar di KPU malam tadi, bakal calon wakil gubernur Jawa Tengah, Ida '
     'Fauziyah menanggapi isu kampanye hitam.\n\nMenurutnya, penolakan tentang kampanye hitam harus dihargai. '
     '"Upaya itu harus didukung semua pihak," kata Ida.',
     [("indirect", "Joko Purnomo", "mengatakan"), ("direct", "Joko Purnomo", "ujar"),
      ("indirect", "Ida Fauziyah", "Menurutnya"), ("direct", "Ida Fauziyah", "kata")]),
    # heading: a line without a sentence's punctuation has no subject for a pronoun to point at
    ('Dokter spesialis olahraga Andi Kurniawan menyebutkan ada delapan faktor mengapa seseorang malas bergerak.'
     '\n\nKurang Motivasi\n\nKurangnya motivasi menjadi hal pertama. "Mereka enggak tahu manfaatnya," kata dia.',
     [("indirect", "Andi Kurniawan", "menyebutkan"), ("direct", "Andi Kurniawan", "kata")]),
])
def test_speaker_error_classes(body, expected):
    assert speakers_of(body) == expected


@pytest.mark.parametrize("body, expected", [
    # a one-word name after a description's comma, an aside or a passive verb after it, is the speaker, and
    # the pronouns after it are that person's
    ('Puluhan petani berangkat ke Jakarta.\n\n"Kami menuntut harga gula dinaikkan," kata salah seorang petani '
     'tebu asal Sleman, Darto ditemui di sela persiapan, Minggu.\n\nIdealnya, kata dia, harga gula Rp 11.000.'
     '\n\n"Jika tidak, petani akan berhenti menanam," ujarnya.',
     [("direct", "Darto", "kata"), ("indirect", "Darto", "kata"), ("direct", "Darto", "ujarnya")]),
    # a one-word subject is the person the article names in full elsewhere (`Leslie` for `Rose Leslie`), set off
    # after a lead (`Sementara pada 2014, Leslie juga sempat menyinggung`) or opening the sentence
    ('Aktor Kit Harington bertunangan dengan lawan mainnya Rose Leslie.\n\nHarington dan Leslie bertemu di '
     'Islandia.\n\n"Di sanalah saya jatuh cinta," katanya.\n\nSementara pada 2014, Leslie juga sempat '
     'menyinggung hubungannya dengan Harington kepada People.\n\n"Kit adalah pria yang lucu," katanya.',
     [("direct", "Kit Harington", "katanya"), ("direct", "Rose Leslie", "katanya")]),
    # `tetap`, like `juga`, may stand between the subject and its verb
    ('Gelandang Cesc Fabregas kecewa tidak menjadi starter.\n\nFabregas tetap pemain yang sama. Dia tetap '
     'mengaku tidak ada masalah dengan Conte.',
     [("indirect", "Cesc Fabregas", "mengaku")]),
    # an ordinary or affixed word that opens a sentence before a name is no part of a name: the pronoun goes to
    # the person named, not to `Karakter Rosalind` or `Pementasan Rosalind`
    ('Koreografer James Cousins tampil di Jakarta.\n\nDi dalamnya, Cousins melibatkan tiga penari.\n\n'
     'Karakter Rosalind, wanita tangguh, ia tuangkan ke dalam tarian.\n\n"Kami ingin menampilkan citra yang '
     'berbeda," ujarnya.\n\nPementasan Rosalind pertama kali digelar di Seoul.\n\n"Kami berharap karya ini '
     'disukai," katanya.',
     [("direct", "James Cousins", "ujarnya"), ("direct", "James Cousins", "katanya")]),
    # a short name spelt another way than the official's full name (`Prasetyo`, `Prasetio Edi Marsudi`) is that
    # official; its pronouns follow
    ('Ketua DPRD DKI Jakarta Prasetio Edi Marsudi menyambangi Kemendagri.\n\n"Tenaga ahli kami hanya tiga '
     'orang," kata Prasetyo, di Jakarta.\n\n"Kami akan bertanya soal itu," ungkapnya.',
     [("direct", "Prasetio Edi Marsudi", "kata"), ("direct", "Prasetio Edi Marsudi", "ungkapnya")]),
    # a second official named after a lead-in and a long title, acting but not speaking, is whom the next pronoun
    # means: the title before the name does not push it out of the subject's place
    ('Kapolres Bogor AKBP Ahmad Dicky menyiapkan bus.\n\n"Bus akan bergerak dari Gadog," katanya.\n\n'
     'Sementara itu Kepala Korps Lalu Lintas Polri Brigjen Pol Royke Lumowa yang meninjau jalur Puncak mengimbau '
     'masyarakat berangkat lebih awal.\n\n"Tidak semua bisa kita layani," katanya.',
     [("direct", "Ahmad Dicky", "katanya"), ("direct", "Royke Lumowa", "katanya")]),
    # a description opening the sentence (`Pria beristrikan Ny Sumarni`) is of the last speaker: the name after its
    # verb is the description's object, not who speaks
    ('Aiptu Tutut menyamar sebagai tukang gorengan.\n\n"Lebih baik bertanya langsung," ujar Tutut.\n\nPria '
     'beristrikan Ny Sumarni, mengaku sangat bangga dengan pekerjaannya.',
     [("direct", "Tutut", "ujar"), ("indirect", "Tutut", "mengaku")]),
    # a document opening the sentence says it, not the last speaker
    ('"Kami hentikan penyidikan," ujar Kasubdit II Polda Jatim AKBP Yudhistira.\n\nLaporan polisi bernomor '
     '742/VI/2017 itu menyebut terlapor sejak 2012 mengajak jemaah berinvestasi.',
     [("direct", "Yudhistira", "ujar"), ("indirect", None, "menyebut")]),
    # a lead a connective opens, naming nobody, then a comma (`Sebagai koreografer tari, James Cousins …`), after a
    # dateline or not: the name after it is the subject a description in the attribution points back at
    ('Jakarta, CNN Indonesia - - Sebagai koreografer tari, James Cousins selalu ingin menyampaikan kisah lain.'
     '\n\n"Saya kerap mengimajinasikan ulang narasi," ujar koreografer asal Inggris ini.',
     [("direct", "James Cousins", "ujar")]),
    ('Sebagai pelatih, Dedi Kurniawan selalu ingin menang.\n\n"Kami siap," ujarnya.',
     [("direct", "Dedi Kurniawan", "ujarnya")]),
    # a description ending with `itu` that holds someone else's name (`… era Presiden Susilo Bambang Yudhoyono
    # itu, mengatakan`) is of the last speaker, and so is the pronoun after it
    ('Wakil Ketua MPR Evert Ernest Mangindaan menerima tamu dari Vietnam.\n\n"Mari jadikan kawasan ASEAN damai," '
     'ujar Mangindaan.\n\nMantan Menteri Perhubungan era Presiden Susilo Bambang Yudhoyono itu, mengatakan '
     'persoalan harus diselesaikan bersama.\n\n"Tim teknis bekerja," katanya.',
     [("direct", "Evert Ernest Mangindaan", "ujar"), ("indirect", "Evert Ernest Mangindaan", "mengatakan"),
      ("direct", "Evert Ernest Mangindaan", "katanya")]),
    # a name set off after `ia … menyebut` is the verb's object: the pronoun after is still the last speaker
    ('"Sangat disayangkan," ujar Ketua DPP PDIP Andreas Hugo Pereira.\n\nNamun, ia masih enggan menyebut Wali '
     'Kota Surabaya saat ini, Tri Rismaharini, yang akan mengganti Anas.\n\n"Nantilah, kita lihat," ujarnya.',
     [("direct", "Andreas Hugo Pereira", "ujar"), ("direct", "Andreas Hugo Pereira", "ujarnya")]),
    # `Sementara itu, X …` turns to X even when the speaker before talked about X
    ('"Sangat disayangkan pak Anas mundur," ujar Ketua DPP PDIP Andreas Hugo Pereira.\n\nSementara itu, Azwar '
     'Anas menilai polemik itu risiko kebijakan.\n\n"Saya sudah biasa diteror," ujarnya.',
     [("direct", "Andreas Hugo Pereira", "ujar"), ("direct", "Azwar Anas", "ujarnya")]),
    # `Terakhir,` is a lead-in, not a name: the person after it is the subject the next pronoun means
    ('"Kami ingin memperkuat pemilu," ujar Firyan Azis.\n\nTerakhir, Hasyim Asyari berharap pemilu berjalan '
     'sesuai rencana.\n\n"Patokannya adalah undang-undang," tutupnya.',
     [("direct", "Firyan Azis", "ujar"), ("direct", "Hasyim Asyari", "tutupnya")]),
    # an organisation named after people (`TKD Jatim Prabowo-Gibran`) speaks for no person; a number inside a
    # title after the cue (`Ketua TKD 02 Jatim Boedi …`) does not end it before the name
    ('TKD Jatim Prabowo-Gibran menyebut film itu tidak akan berpengaruh.\n\n"Film serupa sudah pernah muncul," '
     'kata Ketua TKD 02 Jatim Boedi Prijo Soeprajitno dalam keterangannya.',
     [("indirect", None, "menyebut"), ("direct", "Boedi Prijo Soeprajitno", "kata")]),
    # an alias written as an acronym (`JK` for `Jusuf Kalla`) is a person, as a subject and for the pronouns after
    ('Wakil Presiden Jusuf Kalla memberi kuliah umum di Oxford.\n\nJK menjelaskan bahwa Indonesia menghormati '
     'keberagaman.\n\n"Indonesia bukanlah negara Islam," kata Wapres di hadapan peserta.',
     [("indirect", "Jusuf Kalla", "menjelaskan"), ("direct", "Jusuf Kalla", "kata")]),
    # a post outside public office (`Media Officer`, `Project Manager`) is no name; the name set off after the
    # title is the speaker, past a body in the title (`Persib`) or a name in marks (`" Yes I Do "`, spaced inside)
    ('Latihan dipimpin asisten pelatih.\n\n"Coach tidak hadir latihan hari ini," ujar Media Officer Persib, '
     'Irfan Suryadiredja, kepada wartawan.',
     [("direct", "Irfan Suryadiredja", "ujar")]),
    ('Program itu mencegah pernikahan anak.\n\n" Kenapa Rembang? Separuh perempuan di sana hamil dini, " kata '
     'Project Manager " Yes I Do ", Amrullah, di Semarang.\n\nBerdasarkan survei program " Yes I Do ", kata '
     'dia, pernikahan anak masih menjadi persoalan di Rembang.',
     [("direct", "Amrullah", "kata"), ("indirect", "Amrullah", "kata")]),
    # a title going on past `bidang` to the name (`kata Kasubdit I bidang Kamneg … AKBP Andi Dady`): the name, not
    # the unit's numeral; and the pronoun after
    ('Polda NTB memburu dalang pemalsuan ijazah.\n\n"Kasusnya sedang kita dalami," kata Kasubdit I bidang Kamneg '
     'Ditreskrimum Polda NTB AKBP Andi Dady di Mataram.\n\n"Barang bukti sudah kita sita," ujarnya.',
     [("direct", "Andi Dady", "kata"), ("direct", "Andi Dady", "ujarnya")]),
    # a name opening the sentence and set off (`Andakara, pebasket Pelita Jaya, mengatakan`), not its club
    ('Andakara, pebasket Pelita Jaya, mengatakan dokumenter ini menjadi refleksi personal.',
     [("indirect", "Andakara", "mengatakan")]),
    # a one-word name the text wrote before mid-sentence, opening a sentence and acting, is its subject; a word
    # that only ever opens sentences (`Setelah`) is not
    ('Sempat terjadi aksi protes dari warga bernama Mariella.\n\nMariella melancarkan aksi protesnya di depan '
     'gedung. Menurutnya, vonis itu bertentangan dengan materi kuliah.',
     [("indirect", "Mariella", "Menurutnya")]),
    ('"Saya kena heat stroke," ujar Derby Romero. Setelah menyelesaikan adegan itu, ia istirahat.\n\nSetelah '
     'melalui diskusi, kostum dibuat berbeda. "Kami hadirkan pastor," ujarnya.',
     [("direct", "Derby Romero", "ujar"), ("direct", "Derby Romero", "ujarnya")]),
    # a lead an ordinary word opens (`Setali tiga uang,`) names nobody: the name after its comma is the subject
    # a pronoun in the next sentence means, not the last speaker
    ('"Iya, takut bercanda," ujar Ruben Onsu.\n\nSetali tiga uang, Ivan Gunawan menyetujui keputusan itu. Ia '
     'menegaskan fokus dirinya adalah beribadah.',
     [("direct", "Ruben Onsu", "ujar"), ("indirect", "Ivan Gunawan", "menegaskan")]),
    # the full stop of an abbreviation in brackets (`(Purn.)`) does not end the title before the name; the
    # speaker is the officer the article named in full before (a rank with its grade names an officer)
    ('Film itu diangkat dari operasi yang dipimpin Laksamana Madya TNI (Purn.) Achmad Taufiqoerrochman.\n\n'
     '"Ini diawali inisiatif Kasal," ujar Laksamana Madya TNI (Purn.) Taufiqoerrochman dalam keterangan pers.',
     [("direct", "Achmad Taufiqoerrochman", "ujar")]),
    # `Dikatakan, …` opening a sentence reports the last speaker
    ('"Korban luka lebam," kata Kapolsek Koja Kompol Supriyanto.\n\nDikatakan, korban dipekerjakan sebagai '
     'pembantu sejak umur 8 tahun.',
     [("direct", "Supriyanto", "kata"), ("indirect", "Supriyanto", "Dikatakan")]),
    # a post opening the attribution names a body with its capitalised words (`Kepala Bandara Kalimarau Berau`);
    # the name set off after it speaks, and the pronoun after is that person
    ('Petugas menggagalkan penyelundupan anak buaya.\n\n"Barang itu hendak masuk kargo," kata Kepala Bandara '
     'Kalimarau Berau, Bambang Hartato, saat dikonfirmasi.\n\n"Ada yang bergerak-gerak," ujarnya.',
     [("direct", "Bambang Hartato", "kata"), ("direct", "Bambang Hartato", "ujarnya")]),
])
def test_speaker_classes_of_news(body, expected):
    assert speakers_of(body) == expected


def test_spaced_closing_mark_before_a_comma_closes():
    # `" Yes I Do ",`: a mark with a space before it and a comma after it closes the span it ends
    assert [(s.open, s.close, s.closed) for s in find_spans('kata " Yes I Do ", Amrullah')] == [(5, 16, True)]


def test_an_article_as_long_as_the_loader_takes_costs_time_linear_in_its_quotes():
    """8,000 quotes, each with a pronoun for the official named between them (488 thousand characters, under
    the loader's limit): every pronoun looked back over every speaker before it, 7.4 s on this machine; found by
    bisection, under a second."""
    import time

    body = "Bupati Banyuwangi Ipuk Fiestiandani hadir. " + (
        '"Kami siap," ujarnya. Ipuk Fiestiandani menambahkan hal itu. ') * 8000
    started = time.process_time()
    quotes = extract(Article("x", "", body)).quotes
    assert time.process_time() - started < 3.0
    assert len(quotes) == 8000
    assert {quote.speaker for quote in quotes} == {"Ipuk Fiestiandani"}


def test_an_article_quoting_thousands_of_people_costs_time_linear_in_its_quotes():
    """3,000 speakers, each quoted once: every attribution compared its name with every person and speaker
    before it, 5.8 s on this machine; with MAX_SPEAKERS_KEPT and MAX_PERSONS, well under a second."""
    import time

    def made_up(number: int) -> str:
        return "".join(("ba", "di", "ka", "su", "ri", "to", "ma", "ni", "ha", "la")[int(d)] for d in f"{number:04d}")

    body = "".join(f'"Kami siap," kata {made_up(i).capitalize()} Santoso. ' for i in range(3000))
    started = time.process_time()
    quotes = extract(Article("x", "", body)).quotes
    assert time.process_time() - started < 3.0
    assert len(quotes) == 3000


def test_who_a_pronoun_stands_for_is_looked_for_among_the_latest_sentences_only(monkeypatch):
    """Trial 37: 10,000 nameless `Ia mengatakan hal itu.` walked back through every earlier sentence for each
    pronoun (17 s for 250,000 characters); the look goes back SPEAKER_REACH sentences at most."""
    from search.extract import quotes

    calls = []
    subject = quotes._Article.quiet_subject
    monkeypatch.setattr(quotes._Article, "quiet_subject",
                        lambda self, sentence: calls.append(1) or subject(self, sentence))
    sentences = 2000
    result = extract(Article(id="t", title="", body="Ia mengatakan hal itu. " * sentences))
    assert result.quotes == []
    assert len(calls) <= (quotes.SPEAKER_REACH + 1) * sentences
