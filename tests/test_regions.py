import pytest

from search.articles import Article
from search.extract import extract, region_dict, region_weighing
from search.extract.lexicon import load_lexicon
from search.extract.agencies import load_gazetteers
from search.extract.places import region_of_place
from search.extract.regions import _happens_here, _is_statement_place, load_region_words, resolve_region
from search.extract.tokens import tokenize
from search.loaders import read_source

from .conftest import SEEDS


def codes(body: str, title: str = "", place: str | None = None) -> list[str]:
    return [region.code for region in extract(Article("x", title, body, place=place)).regions]


def test_the_seed_is_exactly_kabupaten_lampung_selatan():
    seed = next(iter(read_source(next(SEEDS.glob("*.txt")))))
    assert [region_dict(region) for region in extract(seed).regions] == [
        {"code": "18.01", "name": "Kabupaten Lampung Selatan", "level": "kabupaten"}]


@pytest.mark.parametrize("body, title, place, expected", [
    # regional bodies, the level word deciding between a kabupaten and a kota of one name
    ("Pemerintah Kota Bandar Lampung menggelar rapat koordinasi, Senin.", "", None, ["18.71"]),
    ("DPRD Kabupaten Sidoarjo menyetujui anggaran tahun depan.", "", None, ["35.15"]),
    ("Polres Malang menangkap dua pelaku pencurian sepeda motor.", "", None, ["35.07"]),
    ("Pemkot Malang menata ulang pedagang kaki lima.", "", None, ["35.73"]),
    # a resort police named after a shared name is the kabupaten's, unless `Kota` follows or the article says
    ("Kapolres Blitar AKBP Wiwit memimpin apel. Personel disiagakan.", "", None, ["35.05"]),
    ("Kapolres Bogor AKBP Rio memimpin operasi di Cibinong. Ratusan kendaraan diperiksa.", "", None, ["32.01"]),
    ("Kapolres Blitar Kota AKBP Danang memimpin apel. Personel disiagakan.", "", None, ["35.72"]),
    ("Polres Sukabumi menangkap oknum kecamatan Lembursitu, Kota Sukabumi. Penangkapan oleh Polres Sukabumi "
     "dilakukan di rumahnya.", "", None, ["32.72"]),
    ("Pemerintah Kabupaten (Pemkab) Lampung Selatan mengikuti rakor.", "", None, ["18.01"]),
    ("Pemkab Lamsel menyalurkan bantuan beras.", "", None, ["18.01"]),
    ("Kapolda menyebut empat polres di Madura. Kemudian Polres Blitar Kota juga disiagakan.", "", None,
     ["35.72", "35.26", "35.27", "35.28", "35.29"]),  # Madura's four kabupaten, rule R6
    # a province alone, and a province implied by its kabupaten/kota
    ("Polda Jawa Timur menyiagakan ribuan personel.", "", None, ["35"]),
    ("Pemprov Jatim dan Pemkot Surabaya meninjau lokasi banjir.", "", None, ["35.78"]),
    # the dateline place, a kecamatan of the gazetteer
    ("Warga memadati lapangan untuk salat id.", "", "Kalianda", ["18.01"]),
    ("Warga memadati lapangan untuk salat id.", "", "Bandarlampung", ["18.71"]),  # the news's spelling
    # a kecamatan named as one
    ("Sebuah truk terguling di Kecamatan Sukawati, Selasa malam. Sopir truk selamat.", "", None, ["51.04"]),
    # ... or followed by its province, spelt with its words run together (Batu Licin lies in Tanah Bumbu)
    ("Kawasan industri baja juga dibangun di Batulicin, Kalimantan Selatan, tahun ini.", "", None, ["63.10"]),
    # officials' regional roles
    ("Bupati Bandung Dadang Supriatna meresmikan pasar.", "", None, ["32.04"]),
    ("Wali Kota Bandung Yana Mulyana meresmikan taman.", "", None, ["32.73"]),
    ("Wali Kota Bogor Bima Arya menerima penghargaan. Bima Arya berterima kasih.", "", None, ["32.71"]),  # not Bima
    # `Polman` (Polewali Mandar) alone is a surname: `Managing Director Lamudi Indonesia Mart Polman`
    ("Managing Director Lamudi Mart Polman menilai pasar tumbuh. Menurut Polman, agen properti siap.", "", None, []),
    ("Bupati Polman Andi Ibrahim Masdar meninjau banjir di Wonomulyo.", "", None, ["76.04"]),
    ("Gubernur Jawa Tengah meninjau waduk.", "", None, ["33"]),
    # a province the title names and the body places the story in
    ("Deretan artis juga bersaing menjadi caleg di Jawa Timur. Real count sementara terus bergerak.",
     "Perolehan Suara Sementara Caleg Artis di Jatim", None, ["35"]),
    # a place, then the region it lies in
    ("Final digelar di GOR Dimyati, Tangerang, Sabtu malam.", "", None, ["36.71"]),
    ("Seleksi MTQ dibuka di Harris Hotel Malang, Senin.", "", None, ["35.73"]),
    ("Seleksi MTQ dibuka di Harris Hotel and Convention Malang, Minggu.", "", None, ["35.73"]),
    ("Pembangunan industri nikel di Kawasan Industri Morowali, Sulawesi Tengah, terus berjalan.", "", None,
     ["72.06"]),
    ("Kereta anjlok di Stasiun Tanggulangin, Sidoarjo, Jawa Timur.", "", None, ["35.15"]),
    # the dateline counts once, where a statement was made not at all, and a provincial seat's dateline under
    # the province's own government is the province (rule P3)
    ("Surabaya (ANTARA News) - Gubernur Jawa Timur meresmikan program beasiswa. \"Program ini untuk semua,\" "
     "ujarnya ketika ditemui di Surabaya, Sabtu.", "", "Surabaya", ["35"]),
    ("Mataram (ANTARA News) - Gubernur Nusa Tenggara Barat menyerahkan penghargaan budaya. Gubernur berharap "
     "seniman terus berkarya.", "", "Mataram", ["52"]),
    ("Surabaya (ANTARA News) - Warga memadati taman kota untuk menyambut tahun baru.", "", "Surabaya", ["35.78"]),
    ("Caleg PDIP menurunkan alat peraga. Ketua DPD PDIP Jatim menegaskan, seluruh caleg PDIP di Jatim ikut "
     "membantu. Kader PDIP Jatim turun ke jalan.", "", None, ["35"]),
    # `Metro` of a Jakarta-area police unit is no Kota Metro: the unit's region is the name after it
    ("Polres Metro Bekasi Kota menyelidiki kasus penipuan. Polres Metro Bekasi Kota memeriksa saksi.", "", None,
     ["32.75"]),
    # a name that is also a common word counts once something names the region itself
    ("Wisatawan memadati Kota Batu saat libur panjang. Hotel di Batu penuh.", "", None, ["35.79"]),
    # a place of one province inside a region of another, and a list that crosses a border
    ("Banjir merendam rumah warga di Bekasi, Jakarta Timur, dan Tangerang. Banjir di Bekasi paling parah.", "",
     None, ["32.75"]),
    # a province's branch of an organisation
    ("Ketua DPD PDIP Jatim Said Abdullah menginstruksikan kader. Kader PDIP Jatim menurunkan APK.", "", None,
     ["35"]),
    # the title, whatever its case, adds to what the body says
    ("Seorang guru tewas dianiaya siswanya di Kabupaten Sampang.", "jokowi sesalkan tewasnya guru sma sampang",
     None, ["35.27"]),
    # a province's old name for a kabupaten split off from it since (Mimika lay in Papua before 2022)
    ("Polda Papua mengirim tim forensik ke Kabupaten Mimika. Polda Papua juga menambah personel di Mimika.",
     "", None, ["94.04"]),
    # ... but the place of the story itself, and Solo once Surakarta's own bodies speak for it
    ("Jembatan penyeberangan di Pasar Minggu, Jakarta Selatan roboh, enam orang luka.", "", None, ["31.74"]),
    ("Wali Kota Solo meresmikan pasar. Pasar di Solo itu dibangun ulang.", "", None, ["33.72"]),
    # a kecamatan before a shared name decides between the kabupaten and the kota (Babakan Madang, Srengat)
    ("Ribuan jemaah salat subuh di Masjid Az-Zikra, Babakan Madang, Bogor. Kapolres Bogor ikut hadir.", "", None,
     ["32.01"]),
    ("Pengajian digelar di Srengat, Blitar, Minggu malam. Jemaah datang sejak sore.", "", None, ["35.05"]),
    # `di` and a level word say where something happens, also for the second of a pair
    ("Bea Cukai menindak impor pakaian bekas yang masuk lewat pelabuhan. Pemeriksaan dilakukan terhadap puluhan "
     "kontainer setelah informasi intelijen diterima, dan hasil pemindaian menunjukkan sebagian besar berisi "
     "balpres. Nilai barang diperkirakan mencapai puluhan miliar rupiah. Temuan itu ditindaklanjuti: petugas "
     "menggeledah gudang di Kabupaten Kubu Raya dan Kabupaten Mempawah.", "", None, ["61.02", "61.12"]),
    # `dari` before a place inside the region, and before a province, is no origin
    ("Ratusan tahanan kabur dari Rutan Klas IIB Sialang Bungkuk, Pekanbaru, Riau. Polisi memburu tahanan di "
     "Pekanbaru.", "", None, ["14.71"]),
    ("Calon DPD RI dari Jawa Timur unggul. Ada 13 calon DPD RI dari Jawa Timur. Real count DPD RI dari Jawa Timur "
     "mencakup TPS di seluruh Jawa Timur.", "", None, ["35"]),
    # a kecamatan whose name is unique to a kabupaten of another province is a namesake
    ("Warga Gampong Ie Tarek I, Kecamatan Simpang Kramat, Kabupaten Aceh Utara dikenai sanksi adat. Kepala desa "
     "di Aceh Utara menyerahkan kasus itu kepada keluarga.", "", None, ["11.08"]),
    # a compass word after a name is a part of the region (a kecamatan, a toll gate), not another name
    ("Pencuri motor tepergok di Jalan Perniagaan, Kelurahan Kesawan, Medan Barat, Sumatera Utara. Pelaku diserahkan "
     "ke polisi.", "", None, ["12.71"]),
    # a level word holds for the second name of a pair
    ("Festival digelar bersama Kabupaten Dompu dan Bima. Dompu dan Bima berbagi gunung itu.", "", None,
     ["52.05", "52.06"]),
    # Jakarta's own government or police acting, and the kecamatan it acts in named bare (rule J2, J3)
    ("Wakil Gubernur DKI Jakarta mengatakan Pemprov DKI Jakarta akan mengumumkan hasil survei penataan Tanah Abang. "
     "Penataan Tanah Abang tahap awal dinilai berhasil.", "", None, ["31.71"]),
    # a kabupaten/kota followed by a province it lay in before a split, or loosely named, still counts
    ("Pernikahan di bawah laut digelar di Raja Ampat, Papua, Sabtu. Warga Raja Ampat menyambut.", "", None,
     ["96.03"]),
    # a chain of places opened by `di` says where something happens, somewhere inside the region (R3)
    ("Turnamen basket muda itu akan digelar di kawasan Ancol, Jakarta Utara, pada Juli.", "", None, ["31.72"]),
    ("Api membakar savana di sekitar jalur pendakian Sembalun, Kabupaten Lombok Timur, Minggu.", "", None,
     ["52.03"]),
    # ... unless it is where someone spoke, however long the speaker's title, or a national body's own venue
    # (the quote closing before `ujarnya` keeps the place inside what was said)
    ("\"Korban telah ditemukan di daerah Lenteng Agung, Jakarta Selatan,\" ujarnya kepada wartawan.", "", None,
     ["31.74"]),
    # ... also through a name's acronym in parentheses
    ("Seorang perwira polisi yang baru kembali dari operasi pengejaran kelompok bersenjata di pegunungan ditemukan "
     "meninggal dunia pada Kamis sore. Rekan-rekannya mengaku terkejut karena perwira muda itu dikenal ceria dan "
     "tidak pernah mengeluhkan masalah apa pun selama bertugas. Jenazahnya ditemukan di samping masjid Sekolah "
     "Polisi Negara (SPN) Labuan Panimba, Kabupaten Donggala, Sulawesi Tengah.", "", None, ["72.03"]),
    # a level word for both levels of one name: the kabupaten and the kota
    ("Ulama pondok pesantren di Kabupaten / Kota Tasikmalaya membentuk forum dukungan.", "", None,
     ["32.06", "32.78"]),
    ("Prabowo unggul di Kabupaten dan Kota Mojokerto menurut hitung cepat.", "", None, ["35.16", "35.76"]),
    # a part of a kabupaten named with a compass word, then its province
    ("Teknologi itu dipakai di perlintasan setelah gerbang tol Brebes Timur, Jawa Tengah.",
     "teknologi cmp dipakai di gerbang tol brebes timur", None, ["33.29"]),
    # a kecamatan several kabupaten share, in an article naming one of them (Glagah: Banyuwangi and Lamongan)
    ("Wisata Jopuro Banyuwangi ramai. Kolam alami itu ada di Dusun Rejopuro, Kecamatan Glagah, cukup ikonik.",
     "", None, ["35.10"]),
    # `DI Yogyakarta` is the province, not `di` and the city
    ("Timnas bertanding di Stadion Maguwoharjo, Sleman, DI Yogyakarta, Selasa.", "", None, ["34.04"]),
    # a place of the national seat followed by `Jakarta` alone is its kota (rule J2)
    ("Ribuan peserta mengikuti TAFISA Games 2016 di Taman Impian Jaya Ancol, Jakarta, pekan depan.", "", None,
     ["31.72"]),
    ("Final turnamen bulu tangkis digelar di Istora Senayan, Jakarta, Minggu.", "", None, ["31.71"]),
    ("Bazar produk fesyen digelar di mal Kota Kasablanka, Jakarta, hingga akhir pekan.", "", None, ["31.74"]),
    # ... and a landmark named bare in a story of Jakarta's own government
    ("Polda Metro Jaya menangkap pelaku pembunuhan di Duren Sawit. Pelaku ditangkap di rumahnya.", "", None,
     ["31.75"]),
    # (a one-word kecamatan bare is not enough: `Pasar Senen` in a list of examples, an office in Jatinegara)
    ("Polda Metro Jaya menangkap pelaku pembunuhan di Cakung. Pelaku ditangkap di rumahnya.", "", None, ["31"]),
    # a qualifier between a role and its region
    ("Bupati nonaktif Probolinggo Puput Tantriana Sari divonis 4 tahun penjara di Pengadilan Tipikor Surabaya.", "",
     None, ["35.13"]),
    ("Wali Kota terpilih Surabaya Eri Cahyadi menyiapkan program kerja. Ia dilantik bulan depan.", "", None,
     ["35.78"]),
    # a kilometre post inside a place's name; a disaster striking a place in the lead
    ("Kecelakaan beruntun terjadi di Tol Cipularang KM 92, Purwakarta. Tiga orang tewas.", "", None, ["32.14"]),
    ("Gempa magnitudo 6,1 mengguncang Pasaman Barat. Warga mengungsi ke tenda darurat.", "", None, ["13.12"]),
    ("Banjir bandang menerjang Garut pada Selasa malam. Puluhan rumah hanyut.", "", None, ["32.05"]),
    ("Pemerintah pusat menyiapkan dana cadangan bencana. " + "Anggaran itu dibahas bersama DPR pekan ini. " * 8
     + "Tahun lalu gempa mengguncang Cianjur.", "", None, []),  # once, past the lead: background
    ("Polda Metro Jaya menangkap pelaku penipuan investasi bodong. " + "Kerugian korban mencapai miliaran rupiah. " * 8
     + "Pelaku pernah tinggal di Duren Sawit.", "", None, ["31"]),  # once, past the lead: background
    ("Pemprov DKI Jakarta akan membongkar bangunan liar di bantaran Kali Krukut, kawasan Kemang. Gubernur DKI "
     "Jakarta meminta pemilik bangunan di Kemang segera pindah.", "", None, ["31.74"]),
    # a city's name spelt as one word or two, or by its former name (rule R5)
    ("Banjir menewaskan tiga warga Padangsidempuan, Sumatera Utara, Minggu.", "", None, ["12.77"]),
    ("Longsor menutup jalan di Kabupaten Toba Samosir, Sumatera Utara.", "", None, ["12.12"]),
    # an area written after `di` stands for each of its kabupaten (rule R6)
    ("Polda menebalkan pasukan di empat polres di Madura. Mayoritas TPS rawan ada di Madura.", "", None,
     ["35.26", "35.27", "35.28", "35.29"]),
    # a district court is a regional body outside the national seat
    ("Majelis hakim Pengadilan Negeri Kota Tangerang menolak eksepsi terdakwa.", "", None, ["36.71"]),
    ("Pengadilan Negeri Surabaya menggelar sidang perdana kasus penipuan arisan.", "", None, ["35.78"]),
    # ... the same venue in a story with no national body is where something happens
    ("Polisi membawa tersangka penganiayaan itu untuk pemeriksaan kesehatan di Rumah Sakit Pusat Angkatan Darat, "
     "Jakarta Pusat. Polisi akan melanjutkan pemeriksaan pekan depan.", "", None, ["31.71"]),
    # a story of national bodies that happens in a region names it in the lead
    ("Komisi Pemberantasan Korupsi (KPK) menggeledah kantor dinas di Depok, Jawa Barat. KPK menyita dokumen "
     "proyek jalan.", "", None, ["32.76"]),
    # an office holder's title as a candidate's attribute in the province's own election: the province
    ("Menjelang Pilgub Jatim 2018, Bupati Banyuwangi Azwar Anas dikabarkan mundur dari pencalonannya sebagai calon "
     "wakil gubernur. Partai pengusung akan membahas pengganti pekan ini.", "", None, ["35"]),
    # a well-known site before a loose name says which kab/kota it lies in (rule R3, region_sites.tsv)
    ("Kericuhan terjadi saat semifinal polo air di Kolam Renang Komplek Si Jalak Harupat, Bandung, Senin.", "",
     None, ["32.04"]),
    ("Politikus itu dijemput Densus di Bandara Juanda, Surabaya, Jawa Timur.", "", None, ["35.15"]),
    ("Pasar terapung itu ramai dikunjungi wisatawan di Lembang, Bandung, Jawa Barat.", "", None, ["32.17"]),
    ("Kedua tokoh bertemu di Cikeas, Bogor, Jawa Barat, Jumat dini hari.", "", None, ["32.01"]),
    # a place written after the outlet's name is its dateline, which names an ambiguous name's region
    ("JUARA.NET, SOLO - Satria Muda kembali menang di Sritex Arena, Solo, Jawa Tengah, Senin.", "", None,
     ["33.72"]),
    ("JUARA.NET, YOGYAKARTA - Tim putri Petrokimia menang di GOR UNY, Yogyakarta, Sabtu.", "", None, ["34.04"]),
    # ... but where Jakarta's own police act on the crime, its scene counts even in a story of national bodies (J3)
    ("Komisi Pemberantasan Korupsi (KPK) menerima sketsa wajah pelaku dari polisi. Polda Metro Jaya membuat sketsa "
     "itu dari keterangan saksi. Korban disiram air keras di dekat rumahnya di kawasan Kelapa Gading, "
     "Jakarta Utara.", "", None, ["31.72"]),
    # the title does not lift a name the body gives only as its dateline
    ("Bengkulu (ANTARA News) - Provinsi Bengkulu akan membuka destinasi wisata baru di perkebunan teh Kabupaten "
     "Kepahiang.", "kampung teh calon destinasi wisata baru di bengkulu", "Bengkulu", ["17.08"]),
    # a body the agency extractor resolved to a namesake of the other level is the one the article's words name
    ("Istri korban melaporkan hilangnya korban ke Polrestabes Bandung. Pihak Polrestabes Bandung kemudian "
     "melakukan penelusuran.", "", None, ["32.73"]),
    # a person's address is no evidence, residents who are the story are (`Warga RW 03 ...`)
    ("Seorang sopir, Budi (37), warga Kelurahan Jati, Kecamatan Candi, Kabupaten Sidoarjo, ditangkap Polrestabes "
     "Surabaya. Polrestabes Surabaya menyita mobilnya.", "", None, ["35.78"]),
    ("Warga RW 03 Kelurahan Cawang, Jakarta Timur, mendirikan posko banjir.", "", None, ["31.75"]),
    ("Warga Desa Sumberrejo, Kecamatan Candi, Kabupaten Sidoarjo, memprotes bau limbah pabrik.", "", None,
     ["35.15"]),
    # ... while the council itself acting counts
    ("DPRD Sidoarjo menggelar rapat paripurna. Anggota DPRD Sidoarjo menyetujui anggaran.", "", None, ["35.15"]),
    # a round-up of a province's kab/kota, each named once, is the province (P6); those the story dwells on count
    ("Gubernur Jawa Barat menetapkan upah minimum kabupaten/kota tahun depan. Upah tertinggi ada di Kabupaten "
     "Karawang, disusul Kota Bekasi, Kabupaten Bekasi, Kota Depok, Kota Bogor, Kabupaten Bogor, dan Kabupaten "
     "Purwakarta.", "", None, ["32"]),
    ("Banjir melanda Kabupaten Pasuruan, Kota Probolinggo, Kabupaten Jember, Kabupaten Lumajang, Kabupaten "
     "Situbondo, Kabupaten Bondowoso dan Kota Malang. Pemkab Pasuruan dan Pemkot Probolinggo membuka posko.", "",
     None, ["35.14", "35.74"]),
    ("Bupati Manggarai meninjau jalan rusak di Ruteng. Jalan di Manggarai itu longsor.", "", None, ["53.10"]),
    # a name right after a village's word is the village's (Kelurahan Mabar in Medan, not Manggarai Barat)
    ("Lima orang ditemukan tewas di Kelurahan Mabar, Kecamatan Medan Deli, Minggu pagi.", "", None, ["12.71"]),
    # an area's or a count's full list (rule R6), not examples after `seperti`
    ("Pasangan itu unggul di wilayah Arek, yang meliputi Surabaya, Sidoarjo, Gresik, dan Jombang.", "", None,
     ["35.15", "35.17", "35.25", "35.78"]),
    ("Banjir merendam tiga kabupaten, yakni Bojonegoro, Tuban dan Lamongan.", "", None,
     ["35.22", "35.23", "35.24"]),
    # a count of places, then `di antaranya` or `antara lain`: the full list, wherever in the article it stands
    ("Kapolda Jawa Timur melepas pasukan pengamanan pemilu pagi ini. Pasukan itu membawa perlengkapan lengkap dan "
     "bekal untuk sepekan, sementara sebagian lain tetap berjaga di markas sampai hari pencoblosan tiba nanti. "
     "Para komandan kompi sudah menerima surat tugas masing-masing sejak kemarin sore. Wakil "
     "kepala operasi menyebut pasukan dikirim ke 5 titik. Diantaranya Bangkalan, Sampang, dan Pamekasan.", "", None,
     ["35.26", "35.27", "35.28"]),
    ("Hujan deras membuat sungai meluap di empat kabupaten, antara lain Bojonegoro, Tuban dan Lamongan.", "", None,
     ["35.22", "35.23", "35.24"]),
    # ... where a name written with a part of its own (`Banyuwangi Kota`) is an item, not a place inside the next
    ("Tim patroli disebar ke 4 titik, antara lain Jember Kota, Bondowoso, dan Situbondo.", "", None,
     ["35.09", "35.11", "35.12"]),
    # a Jakarta landmark named bare in a story of Jakarta's own government (rule J2, region_landmarks.tsv)
    ("Wakil Gubernur DKI Jakarta menata kawasan Luar Batang menjadi pusat wisata religi. Pemprov DKI Jakarta "
     "menyiapkan anggaran penataan Luar Batang.", "", None, ["31.72"]),
    # ... but bare places in two or more of its kota, where Jakarta's own government acts, are the province's examples
    ("Pemprov DKI Jakarta menyiapkan pompa dan petugas untuk menghadapi musim hujan tahun ini. Gubernur DKI Jakarta "
     "meminta setiap dinas bersiaga, sementara anggaran penanganan banjir tahun depan dinaikkan dan dibahas bersama "
     "DPRD DKI Jakarta dalam rapat yang berlangsung hingga malam hari di gedung dewan. Ia menyebut banjir di Kampung "
     "Pulo dan Kelapa Gading sudah surut. Warga Kampung Pulo kembali ke rumah.", "", None, ["31"]),
    # ... not a place the lead names, where the story happens (`ditangkap ... di Garut`)
    ("Pelaku ditangkap Densus 88 di Garut, Jawa Barat, Jumat pagi. Ia ditangkap bersama istrinya di rumahnya. "
     "Kabid Humas Polda Jawa Barat membenarkan penangkapan itu kepada wartawan yang menunggu di markas sejak "
     "pagi hari, sementara petugas lain memeriksa barang bukti yang dibawa dari rumah itu ke kantor polisi. "
     "Sebelumnya, istrinya tinggal di Bandung.", "", None, ["32.05"]),
    # ... nor a place where the story's event happened, named once past the lead of a national body's story
    ("Ketua DPR Setya Novanto dirawat setelah kecelakaan. KPK meminta keterangan dokter, dan DPR menunggu kabar "
     "dari rumah sakit tentang kondisi ketua lembaga itu yang disebut masih belum sadar penuh hingga sore hari ini. "
     "Polda Metro Jaya menyelidiki kecelakaan itu bersama pabrikan mobil. Kecelakaan itu terjadi di Jalan Permata "
     "Hijau, Jakarta Selatan.", "", None, ["31.74"]),
    # ... nor where a national body acts on the spot (happening_verbs.txt), through a long chain of places
    ("Presiden mengungkapkan keheranannya soal ekonomi. KPK dan DPR membahas anggaran, dan Kementerian Keuangan "
     "menjelaskan data pertumbuhan. Bareskrim Polri menggeledah di Kantor Bea Cukai Juanda, Jalan Raya Juanda, "
     "Kabupaten Sidoarjo, Rabu (24/6/2026). Petugas berjaga di pintu masuk.", "", None, ["35.15"]),
    ("Seluruh nomor lomba akan start dan finis di Lava View Hotel, Desa Wonokitri, Cemoro Lawang, Tosari, Pasuruan, "
     "Jawa Timur. Rute tiap nomor dipasang tidak sama.", "", None, ["35.14"]),
    # a well-known site of a long name before the province's name (region_sites.tsv, rule R3)
    ("Obama telah tiba di Bandar Udara Internasional I Gusti Ngurah Rai, Bali, untuk berlibur. Obama disambut "
     "Gubernur Bali.", "", None, ["51.03"]),
    ("Rakornas partai digelar di ICE BSD, Tangerang, Banten, pekan depan.", "", None, ["36.03"]),
    # a street of Jakarta the news names for a story of Jakarta's own government or police (region_landmarks.tsv)
    ("Polda Metro Jaya mengusulkan ganjil genap bagi sepeda motor di Jalan MH Thamrin. Pemprov DKI Jakarta "
     "mencopot rambu larangan motor di Jalan MH Thamrin.", "", None, ["31.71"]),
    # a provincial body named once past the lead, in a story of another province, is no story of its province
    ("Seorang pemudik melahirkan di Tol Cipali, Purwakarta, Senin. Kapolres Purwakarta menyebut ibu dan bayi "
     "selamat dan langsung dibawa ke rumah sakit terdekat oleh petugas yang berjaga di pos pengamanan mudik sejak "
     "pagi hari. Bayi perempuan itu lahir dengan berat normal dan diberi nama yang diambil dari nama satuan polisi "
     "yang menolongnya. Kabar kelahiran itu juga diunggah akun Instagram TMC Polda Metro Jaya.", "", None, ["32.14"]),
    # several regions
    ("Banjir melanda Kabupaten Pasuruan dan Kota Probolinggo. Bupati Pasuruan dan Wali Kota Probolinggo "
     "meninjau lokasi.", "", None, ["35.14", "35.74"]),
    # a sentence of someone's past names where they were before, not where the story is
    ("Yosefina memimpin SMP Negeri 3 Siberut Selatan, Kabupaten Kepulauan Mentawai. Ia kuliah di Padang, lalu "
     "mengajar tujuh tahun di sebuah SMP di Painan, Kabupaten Pesisir Selatan. Dinas Pendidikan Kabupaten "
     "Kepulauan Mentawai mengakui kekurangan guru.", "", None, ["13.09"]),
    ("Kapolres Tanggamus AKBP Budi Santoso meninjau banjir di Kota Agung. Ia pernah bertugas di Polres Pringsewu "
     "sebagai Kasat Reskrim. Polres Tanggamus menurunkan personel.", "", None, ["18.06"]),  # a body of the past
    ("Gubernur Kalsel melantik pejabat di Banjarbaru. Zainal Arifin Basri sebelumnya menjabat Kepala Dinas "
     "Pendidikan Kabupaten Banjar. Kini ia Kepala Biro Umum Setda Provinsi Kalsel.", "", None, ["63.72"]),
    # a kab/kota named once in passing beside the one the story is plainly about (unless the title names it)
    ("Gempa merusak 187 rumah di Kabupaten Ciamis. Bupati Ciamis meninjau Kecamatan Banjarsari. BPBD Kabupaten "
     "Ciamis mendirikan tenda dan Dinas Sosial Kabupaten Ciamis menyalurkan bantuan bagi warga Ciamis yang rumahnya "
     "rusak. Pemkab Ciamis menetapkan masa tanggap darurat selama tujuh hari sejak Senin pagi.\nGetaran gempa juga "
     "dirasakan warga di Kota Tasikmalaya.", "", None, ["32.07"]),
    ("Gempa merusak 187 rumah di Kabupaten Ciamis. Bupati Ciamis meninjau Kecamatan Banjarsari. BPBD Kabupaten "
     "Ciamis mendirikan tenda dan Dinas Sosial Kabupaten Ciamis menyalurkan bantuan bagi warga Ciamis yang rumahnya "
     "rusak. Pemkab Ciamis menetapkan masa tanggap darurat selama tujuh hari sejak Senin pagi.\nGetaran gempa juga "
     "dirasakan warga di Kota Tasikmalaya.", "Gempa Ciamis Terasa di Tasikmalaya", None, ["32.07"]),
    # beside a story plainly about one kab/kota, one with a third of its evidence or less is background, named in the
    # title or not: the region compared with, an official's next post, a club's home
    ("Komisi C DPRD Kudus meminta Pemkab Kudus membenahi TPA Tanjungrejo di Kecamatan Jekulo. Bupati Kudus berjanji "
     "menambah armada. Dinas Lingkungan Hidup Kabupaten Kudus menyebut TPA nyaris penuh. Sekda Kudus memimpin rapat "
     "di Kecamatan Bae. Dewan meminta pemkab meniru "
     "pengolahan sampah seperti di Kabupaten Banyumas. Pemkab Banyumas mampu mengurangi sampah ke TPA.",
     "DPRD Kudus Minta TPA Tiru Banyumas", "Kudus", ["33.19"]),
    ("Polres Blitar Kota menggelar pisah sambut Kapolres di Kecamatan Sananwetan, Kota Blitar. Wali Kota Blitar "
     "hadir. Kapolres Blitar Kota yang lama kini menjabat Kapolres Lamongan dan bertolak ke Lamongan sore itu. "
     "Pemkot Blitar memberi cendera mata.", "Kapolres Blitar Kota Pamit ke Lamongan", "Blitar", ["35.72"]),
    # ... but not one where a kecamatan of its own is named: the story happens there too
    ("Banjir merendam Kecamatan Sukodono, Kabupaten Sidoarjo. Bupati Sidoarjo meninjau pengungsi dan BPBD Kabupaten "
     "Sidoarjo membuka dapur umum. Pemkab Sidoarjo menetapkan tanggap darurat. Air juga masuk ke rumah warga "
     "Kecamatan Krian yang berbatasan dengan Kecamatan Driyorejo, Kabupaten Gresik.", "Banjir Sidoarjo", "Sidoarjo",
     ["35.15", "35.25"]),
])
def test_regions_by_evidence(body, title, place, expected):
    assert codes(body, title, place) == expected


@pytest.mark.parametrize("body, title, place, expected", [
    # probe16: a kecamatan's post or police sector named like a kab/kota elsewhere is the kecamatan's, and counts
    # for the kab/kota holding it that the article names otherwise
    ("Tanggul Sungai Wulan di Desa Ketanjung jebol. Camat Karanganyar, Suroso, mengatakan warga mengungsi. Kepala "
     "Pelaksana BPBD Demak, Winarto, mendirikan dapur umum. Kapolsek Karanganyar AKP Joko mengatur lalu lintas.",
     "Tanggul Jebol di Ketanjung", "Karanganyar", ["33.21"]),
    ("Jembatan di Desa Suruhan Lor ambrol. Kapolsek Bandung AKP Suharto memasang garis polisi. Camat Bandung, Wahyu, "
     "melapor ke bupati. Kepala Dinas PUPR Tulungagung, Bambang, meninjau lokasi.", "Jembatan di Bandung Ambrol",
     "Bandung", ["35.04"]),
    # ... the kab/kota's own kecamatan of its name, with its government acting
    ("Kapolsek Karanganyar AKP Joko menertibkan parkir di alun-alun. Bupati Karanganyar meminta Satpol PP "
     "Karanganyar membantu.", "Parkir Alun-alun Ditertibkan", "Karanganyar", ["33.13"]),
    # ... a name no kecamatan bears is the kab/kota's, as a police sector's body always was
    ("Warga melapor ke Polsek Jakarta Selatan atas perusakan rumahnya di Jalan Benda, Ciganjur. Polsek Jakarta "
     "Selatan memeriksa dua saksi.", "Rumah Dirusak", None, ["31.74"]),
    # ... and a former post is a passing mention still
    ("Bupati Demak meresmikan pasar di Kecamatan Mranggen. AKP Joko, mantan Kapolsek Bandung, kini Kasat Lantas "
     "Polres Demak.", "Pasar Mranggen Diresmikan", "Demak", ["33.21"]),
])
def test_a_kecamatans_post_counts_for_the_kabupaten_holding_it(body, title, place, expected):
    assert codes(body, title, place) == expected


@pytest.mark.parametrize("body, place", [
    # a place-like word inside another name
    ("Kebakaran melanda permukiman di Jati Padang, Pasar Minggu. Warga Jati Padang mengungsi.", None),
    ("Warga Desa Bone memanen padi. Hasil panen Desa Bone melimpah.", None),
    ("Mobil itu terparkir di depan SPBU Desa Rengas Bandung seharian. Warga Desa Rengas Bandung melapor.", None),
    ("Bank Jatim membuka kantor cabang baru. Bank Jatim menargetkan laba naik.", None),
    # national bodies sitting in Jakarta
    ("Menteri Dalam Negeri memimpin rapat di Jakarta bersama KPK. DPR di Jakarta menyetujui.", "Jakarta"),
    ("Presiden menerima tamu negara di Istana, Jakarta.", None),
    ("Arema Malang mengalahkan Persija. Arema Malang kini memimpin klasemen.", None),
    # a name that is also a common word, an outlet or a person's name, with nothing naming the region
    ("Seperti dilansir dari Metro, medali emas tidak sepenuhnya emas. Menurut laporan Metro, harga emas naik.",
     None),
    ("Asisten pelatih Bima Sakti memimpin latihan. \"Pemain harus siap,\" ujar Bima di Jakarta.", None),
    ("Jalur menuju Puncak macet total. Polisi memberlakukan sistem satu arah di Puncak.", None),
    # a place inside a region of another province: Kuningan in Jakarta Selatan, the Puncak area of Bogor
    ("Rapat digelar di Epicentrum, Kuningan, Jakarta, Rabu. Peserta datang dari berbagai kota.", None),
    # a Jakarta kecamatan named bare in a story that is not Jakarta's own
    ("Pedagang grosir di Tanah Abang mengeluhkan sepinya pembeli. Omzet pedagang Tanah Abang turun separuh.", None),
    # a Jakarta kota as the address of a national body
    ("Menteri datang ke Kantor KPK, di Jalan Kuningan Persada, Setiabudi, Jakarta Selatan, Senin.", None),
    ("Para direksi bank merapat ke Istana Kepresidenan, Jakarta Pusat untuk bertemu Presiden.", None),
    # a provincial capital as the address of the province's own government (rule P3)
    ("Gubernur menyerahkan penghargaan budaya kepada seniman di Aula Barat Gedung Sate, Bandung, Jumat malam.",
     None),
    ("Investigator KNKT menjelaskan penyebab kereta anjlok dalam konferensi pers di Kemenhub, Jakarta Pusat "
     "(Jakpus), Jumat.", None),
    # Surakarta's everyday name in a film title
    ("Kereta jarak jauh nanti hanya berhenti di Jatinegara dan Manggarai. Jalur Manggarai - Cikarang dibangun "
     "ulang. Penumpang transit di Manggarai.", None),  # Jakarta's railway hub, not Kabupaten Manggarai
    ("Penonton menanti Solo: A Star Wars Story. Solo menjadi film kedua dari seri antologi.", None),
    # an office holder's title once, past the lead: who the person is, not where the story happens (a
    # province's too)
    ("Pertunjukan sendratari itu menarik sejuta penonton selama empat puluh tahun. Pengelola menyebut sekitar "
     "sepertiga penonton berasal dari luar negeri, dan pertunjukan digelar setiap malam agar semua wisatawan bisa "
     "menikmatinya tanpa menunggu jadwal dua mingguan. Beberapa pejabat negara pernah menonton, di antaranya "
     "Wakil Presiden dan Gubernur Sulawesi Selatan.", None),
    ("Koalisi tiga partai menyatakan tetap solid menjelang pendaftaran calon gubernur. Para ketua partai bertemu "
     "di kantor pusat koalisi dan membahas strategi pemenangan, pembagian tugas tim kampanye, serta jadwal "
     "deklarasi yang akan digelar bulan depan. Mereka juga membahas survei elektabilitas terbaru. Ketua partai "
     "menyebut dukungan untuk Wali Kota Bandung itu tidak berubah.", None),
    # examples, not the story: four kab/kota named only in passing
    ("Pemerintah memperluas jalur terlarang sepeda motor hingga ke kota penyangga seperti Bogor, Depok, Tangerang, "
     "dan Bekasi. Jalan yang diusulkan adalah Jalan Padjadjaran di Bogor, Jalan Margonda di Depok, Jalan Daan "
     "Mogot di Tangerang dan Jalan Ahmad Yani di Bekasi.", None),
    # a court of the national seat trying a national figure's case (N2); a dateline abroad (Wina is Vienna, not
    # the kecamatan of Tolikara)
    ("Hakim Pengadilan Negeri Jakarta Selatan menolak praperadilan yang diajukan Setya Novanto terhadap KPK.",
     None),
    ("Seorang polisi dihukum karena berteriak di pos pemeriksaan perbatasan.", "Wina"),
    # a kota of the national seat as a mere venue in a story of national bodies (N2)
    ("Komisi Pemberantasan Korupsi (KPK) membawa tersangka korupsi proyek itu untuk pemeriksaan kesehatan di "
     "Rumah Sakit Pusat Angkatan Darat, Jakarta Pusat. KPK akan melanjutkan pemeriksaan pekan depan.", None),
    # ... and any kab/kota such a story names once past the lead: where a national figure is held (N1)
    ("Komisi Pemberantasan Korupsi (KPK) kembali memeriksa saksi kasus korupsi proyek pengadaan kartu tanda "
     "penduduk elektronik. Pemeriksaan berlangsung hampir sembilan jam dan penyidik menanyakan aliran dana serta "
     "pertemuan para pihak sebelum lelang proyek dimulai. Juru bicara KPK menyebut keterangan saksi penting untuk "
     "melengkapi berkas. Tersangka utama kasus itu kini ditahan di Rumah Tahanan Mako Brimob, Depok, Jawa Barat.",
     None),
    # ... nor its dateline, where a national figure spoke
    ("Banda Aceh (ANTARA News) - Wakil Ketua Majelis Permusyawaratan Rakyat (MPR) mengatakan generasi muda harus "
     "memiliki ketahanan nasional. Sosialisasi empat pilar MPR digelar di sebuah universitas.", "Banda Aceh"),
    # where something comes from
    ("Polisi mengamankan ganja kering yang dikirim dari Medan melalui paket. Ganja dari Medan itu disita di "
     "kantor ekspedisi.", None),
    # a hometown in passing, also at the end of a chain of places
    ("Pelatih asal Surabaya itu membawa timnya juara liga.", None),
    ("Aktor itu memerankan pria berdarah Manado dan mempelajari logat Manado dari teman-temannya. Menurutnya aksen "
     "Manado tidak mudah.", None),
    ("Tokoh utama film itu diceritakan sebagai pemuda asli Bandung. Pemuda asli Bandung itu gemar menulis puisi.",
     None),
    ("Pelaku adalah pria asal Kecamatan Bangsalsari, Kabupaten Jember, Jawa Timur.", None),
    # a former office, a route, a wider area, where a statement was made
    ("Djarot, mantan Wali Kota Blitar, mengenang masa kecil anaknya.", None),
    # ... and a post held in a regional body before, its name after the post's words
    ("Polisi menunggu surat pengadilan, ujar Argo. Mantan Kabid Humas Polda Jawa Timur itu tidak merinci.", None),
    ("Kewenangan itu penting, kata mantan Ketua Bawaslu Jawa Tengah itu kepada peserta.", None),
    ("Kereta relasi Gambir-Surabaya-Jember tertahan dua jam.", None),
    ("Pembagian wilayah meliputi Malang Raya, Madura Raya, dan Tapal Kuda.", None),
    # examples after `di antaranya` with no count of places before them
    ("Produk itu dijual di banyak kota, di antaranya Surabaya, Malang dan Kediri.", None),
    ("Jembatan Suramadu arah Madura macet. Suara di Madura Raya dan Tapal Kuda lekat dengan NU.", None),
    ("Pelaku berasal dari Provinsi Jambi, kata Kepala Bidang Humas di Padang, Minggu.", None),
    ("Kepala Balai Besar taman nasional di Mataram, Nusa Tenggara Barat, Selasa (7/1), mengatakan kedua objek "
     "wisata itu dibuka tahun depan.", None),
    ("Partai itu akan menggugat ke Bawaslu, kata Ketua Bidang Hubungan Antar Lembaga Dewan Pengurus Nasional "
     "PKPI M Mahfuz Abdullah di Hotel Mercure, Harmoni, Jakarta Pusat, Sabtu.", None),
    ("Rembuk nasional pendidikan dilaksanakan di Pusdiklat Kemendikbud, Sawangan, Depok, Selasa.", None),
    ("Saat dijumpai di kediamannya di kawasan Kemang, Jakarta Selatan, artis itu bercerita.", None),
    # ... but not where someone spoke or a national body's address
    ("Direktur itu menjelaskan temuan beras palsu dalam konferensi pers di Senayan, Jakarta, Sabtu.", None),
    ("Ketua DPR menerima tamu di Gedung DPR, Senayan, Jakarta, Senin.", None),
    # where an outlet met someone, past its own web address; a person's address (N1)
    ("\"Anak harus cukup minum,\" ungkap dokter saat ditemui kumparan (kumparan.com) di kawasan Kemang, Jakarta "
     "Selatan, beberapa waktu lalu.", None),
    ("Pemain klub Jerman itu punya darah Indonesia dari kakeknya, yang lahir di Surabaya.", None),
    ("Chandra yang beralamatkan di Kecamatan Cakung, Jakarta Timur meninggal saat mendaki gunung.", None),
    ("Ibu itu, Sumiati (41), warga Desa Karangrejo RT 02 / 05 Kecamatan Lasem, Kabupaten Rembang, melahirkan di "
     "dalam bus.", None),
    ("Pengemudi itu, Arif, warga Perumahan Griya Asri, Kecamatan Taman, Kabupaten Sidoarjo, kabur ke luar negeri.",
     None),
    ("Pengemudi itu, Arif, warga Kecamatan Sukawati, kabur ke luar negeri.", None),
    # the provincial capital as the address of a provincial body's building (rule P3)
    ("Ketua AEKI melantik pengurus di Gedung AEKI Lampung, Bandarlampung, Selasa.", None),
    # a list after `di` is no chain of places: Plumpang lies in Jakarta, not in Banyuwangi
    ("Sopir tangki menggelar aksi. Aksi mogok akan melibatkan 11 depot di sejumlah daerah seperti di Plumpang, "
     "Banyuwangi, Surabaya, Padalarang, dan Makassar. Para sopir menuntut kejelasan status kerja.", None),
    ("Kota-kota besar seperti Surabaya, Malang, Kediri dan Madiun ikut merayakan festival itu.", None),
    # a round-up: `di` before the first of four or more names makes none of them the story (N1, P6)
    ("Cuaca hari ini: hujan ringan di Surabaya, Sidoarjo, Gresik, Malang, Batu, Pasuruan dan Probolinggo.", None),
    # a rank that is also a kabupaten's name: after `para`, or defined in parentheses
    ("Seluruh perwira menengah (Pamen) dan perwira tinggi (Pati) dipanggil ke Istana. Presiden menerima para "
     "Pati itu. Pemanggilan para Pati merupakan acara rutin.", None),
    # a council member named by the council: who the person is, not the council acting
    ("Densus menangkap seorang anggota DPRD Pasuruan di sebuah bandara. Anggota DPRD Pasuruan itu dibawa ke "
     "Mako Brimob.", None),
    ("Anggota DPRD Kota Malang itu pergi berlibur ke luar negeri.", None),
    # several places after a word of origin
    ("Pemkab mendatangkan tim arkeolog dari Makassar dan Jayapura untuk konservasi mumi.", None),
    # a name with no word of its own, once in the lead and once past it
    ("Ratusan anggota ormas dan kelompok Ambon mendatangi rumah tokoh itu pada Minggu malam. Polisi yang berjaga "
     "di lokasi segera menenangkan massa dan meminta perwakilan kedua pihak berdialog agar keributan tidak meluas. "
     "Dialog berlangsung hampir dua jam dan dihadiri tokoh masyarakat, pengurus RT, serta perwakilan kepolisian "
     "setempat. Seusai dialog, massa membubarkan diri dengan tertib dan polisi tetap berjaga hingga pagi. "
     "Perwakilan kelompok Ambon menyatakan menerima hasil dialog.", None),
    # a passing mention, far from the lead
    ("Pemerintah pusat menaikkan harga eceran tertinggi beras mulai pekan depan. Kebijakan itu berlaku di "
     "seluruh Indonesia dan diumumkan setelah rapat terbatas para menteri. Para pedagang diminta menyesuaikan "
     "harga jual secara bertahap agar tidak terjadi kepanikan di pasar tradisional maupun modern. Kenaikan "
     "serupa pernah terjadi tahun lalu, termasuk di Sidoarjo.", None),
])
def test_traps_give_no_region(body, place):
    assert codes(body, place=place) == []


def test_a_title_naming_jakarta_does_not_make_a_national_story_jakartas():
    assert codes("Para menteri berkumpul di Jakarta membahas anggaran.", title="Rapat anggaran di Jakarta") == []


def test_the_title_does_not_lift_a_name_the_body_gives_once_in_passing():
    body = ("Seniman muslim itu merancang kolase Bunda Maria untuk pameran di galeri. Karya itu dibuat dari ribuan "
            "potongan kertas bekas yang dikumpulkan selama berbulan-bulan, lalu ditempel satu per satu dengan "
            "tangan. Pengunjung pameran memenuhi ruangan sejak pagi dan banyak yang berfoto di depan karya itu. "
            "Kolase itu bermula dari ketertarikan seniman Kebumen itu pada kisah para perempuan suci.")
    assert codes(body, title="seniman muslim kebumen rancang kolase bunda maria") == []


@pytest.mark.parametrize("title, expected", [
    ("Festival Danau Toba siapkan ragam acara", []),  # the lake, not Kabupaten Toba
    ("festival gunung bromo dan danau toba", []),
    ("Bupati Toba buka festival di Danau Toba", ["12.12"]),  # named alone once: the kabupaten
])
def test_the_title_does_not_lift_a_name_it_gives_as_a_natural_features(title, expected):
    body = ("Ribuan wisatawan diperkirakan datang ke festival tahunan itu. Panitia menyiapkan panggung terapung, "
            "pameran kain tenun sepanjang lima ratus meter, lomba perahu tradisional, pertunjukan musik dan tari, "
            "serta pasar kuliner yang buka sampai tengah malam. Hotel dan rumah warga disiapkan sebagai penginapan "
            "bagi tamu dari luar daerah dan luar negeri. Penginapan di Toba sudah penuh sejak sepekan lalu.")
    assert codes(body, title=title) == expected


@pytest.mark.parametrize("typed, code", [
    ("18.01", "18.01"), ("18", "18"), ("Kabupaten Lampung Selatan", "18.01"), ("Kab. Lampung Selatan", "18.01"),
    ("kab lampung selatan", "18.01"), ("Lampung Selatan", "18.01"), ("  lampung   selatan ", "18.01"),
    ("Lamsel", "18.01"), ("Provinsi Lampung", "18"), ("Prov. Lampung", "18"), ("Lampung", "18"),
    ("Kota Bandung", "32.73"), ("Kabupaten Bandung", "32.04"), ("Bandung", "32.73"), ("Malang", "35.73"),
    ("Bengkulu", "17"), ("Jatim", "35"), ("Kota Administrasi Jakarta Selatan", "31.74"), ("Jaksel", "31.74"),
    ("Kota Adm. Jakarta Selatan", "31.74"), ("Kep. Seribu", "31.01"), ("Kab. Adm. Kepulauan Seribu", "31.01"),
    ("NAD", "11"),
    ("Atlantis", None), ("99.99", None), ("", None),
])
def test_resolve_region(typed, code):
    region = resolve_region(typed)
    assert (region.code if region else None) == code


@pytest.mark.parametrize("place, code", [
    ("Kalianda", "18.01"),  # a kecamatan: the kabupaten it lies in
    ("Bandarlampung", "18.71"),  # the news's spelling of a kota's name
    ("Madiun", "35.19"),  # a name a kabupaten and a kota share, and the kecamatan of that kabupaten
    ("Jayapura", None),  # a name a kabupaten and a kota share, never a kecamatan of that name elsewhere
    ("Pekalongan", None),
    ("Wina", None),  # a city abroad
])
def test_a_dateline_place_names_one_kabupaten_or_kota_or_none(place, code):
    region = region_of_place(place, load_lexicon())
    assert (region.code if region else None) == code


def test_a_kecamatan_written_in_two_words_is_the_one_the_gazetteer_spells_as_one():
    """`Kecamatan Kramat Jati` is Kramatjati of Jakarta Timur, never Kramat of Tegal."""
    body = ("Warga Kelurahan Cawang, Kecamatan Kramat Jati, mengungsi karena banjir setinggi satu meter pada Senin "
            "pagi. Petugas membagikan makanan.")
    assert codes(body) == ["31.75"]


@pytest.mark.parametrize("text, name, expected", [
    ("Bareskrim menggeledah di Kantor Bea Cukai Juanda, Jalan Raya Juanda, Kabupaten Sidoarjo, Rabu.", "Sidoarjo",
     True),
    ("Kecelakaan itu terjadi di Jalan Permata Hijau, Jakarta Selatan.", "Jakarta Selatan", True),
    ("Ia menginap di Hotel Santika, Jalan Raya Juanda, Kabupaten Sidoarjo, Rabu.", "Sidoarjo", False),
    # the last item of a list of regions is no chain of places inside it
    ("Kasus-kasus ini terjadi di Kabupaten Timika, Kabupaten Jayawijaya, Wamena, Kota Jayapura, Kabupaten Nabire.",
     "Nabire", False),
])
def test_a_verb_of_happening_places_the_story_at_the_end_of_a_chain_of_places(text, name, expected):
    lexicon = load_lexicon()
    tokens = tokenize(text, lexicon.abbreviations)
    matches = list(load_gazetteers().regions.find_all(tokens))
    match = next(match for match in matches if " ".join(token.text for token in tokens[match.start:match.end]) == name)
    assert _happens_here(tokens, match, load_region_words(), {match.start: match for match in matches}) is expected


def _match_named(tokens, name):
    matches = load_gazetteers().regions.find_all(tokens)
    return next(match for match in matches if " ".join(token.text for token in tokens[match.start:match.end]) == name)


@pytest.mark.parametrize("text, expected", [
    ("kata Ketua Bidang Hubungan Antar Lembaga DPN PKPI M Mahfuz Abdullah di Kota Padang, Senin.", True),
    # trial 37: a capitalised run with no sentence's end was walked back to the text's start for every place
    ("kata " + "Budi Santoso " * 30 + "di Kota Padang, Senin.", False),
])
def test_where_a_statement_was_made_is_looked_for_a_bounded_way_back(text, expected):
    tokens = tokenize(text, load_lexicon().abbreviations)
    assert _is_statement_place(tokens, _match_named(tokens, "Padang"), load_region_words()) is expected


@pytest.mark.parametrize("body, expected", [
    # a well-known site, then its short form in parentheses, then the loose name and its province (rule R3)
    ("Pertandingan berlangsung di Basketball Court Universitas Pelita Harapan (UPH), Tangerang, Banten. Laga "
     "berlangsung ketat.", ["36.03"]),
    ("Laga final berlangsung di Stadion Si Jalak Harupat (SJH), Bandung, Jawa Barat. Laga berlangsung ketat.",
     ["32.04"]),
    ("Laga final berlangsung di Universitas Pelita Harapan, Tangerang, Banten. Laga berlangsung ketat.", ["36.03"]),
    # no site: a bare shared name is the kota
    ("Konser berlangsung di Gedung Serbaguna (GSG), Bandung, Jawa Barat. Penonton memadati gedung.", ["32.73"]),
])
def test_a_site_written_with_its_short_form_places_a_shared_name(body, expected):
    assert codes(body) == expected


ARREST_ABROAD = ("Kepolisian Nasional Filipina menangkap istri petinggi ISIS, Minhati, di Iligan. Ia masuk daftar buron "
                 "otoritas Filipina terkait aktivitas suaminya yang sempat menguasai Marawi. Polisi menyita sejumlah "
                 "dokumen dari rumah yang ia tempati. Keduanya pernah tinggal di Desa Buni Bakti, Kecamatan Babelan, "
                 "Kabupaten Bekasi, pada 2010. Ayahnya memimpin pesantren di Bekasi.")
HOME_PLAYERS = ("Manajemen ingin memulangkan anak-anak Surabaya yang bermain di klub lain. Pemain asli Surabaya itu "
                "diharapkan kembali.")


@pytest.mark.parametrize("title, body, expected", [
    # a kecamatan in a sentence of someone's past (background_words.txt) is no evidence, like any other mention
    ("Polisi Filipina tangkap istri petinggi ISIS", ARREST_ABROAD, []),
    ("Warga tewas tertimbun longsor di Babelan",
     "Seorang warga tewas tertimbun longsor di Kecamatan Babelan, Selasa. Tim SAR mencari korban lain.", ["32.16"]),
    # a name the title gives as a person's origin does not lift the body's bare mentions
    ("Polisi Filipina tangkap istri petinggi ISIS asal Bekasi", ARREST_ABROAD, []),
    ("Pemain asli Surabaya dipanggil pulang", HOME_PLAYERS, []),
    ("Kesulitan aktor gunakan aksen Manado", "Aktor itu berperan sebagai pria Manado. Ia belajar logat Manado dari "
     "seniman setempat. Orang Manado membantunya.", []),
    ("Banjir rendam ratusan rumah di Surabaya", HOME_PLAYERS, ["35.78"]),  # the same body, a title placing it
    # where homecoming travellers are bound is no place the story happens (a port elsewhere)
    ("Ribuan pemudik padati pelabuhan", "Ribuan pemudik memadati pelabuhan sejak subuh. Hasriani hendak pulang ke "
     "Baubau dengan kapal sore. Tetangganya mudik ke Baubau pekan lalu.", []),
])
def test_a_past_or_an_origin_gives_no_region(title, body, expected):
    assert [region.code for region in extract(Article("x", title, body)).regions] == expected


JABODETABEK_FORECAST = (
    "BMKG memprakirakan beberapa wilayah Jabodetabek hari ini hujan. Waspada hujan disertai petir di wilayah "
    "Jaksel, Jaktim, Depok, Tangerang, Bekasi, dan Bogor antara siang hingga sore hari. Malam harinya hujan ringan "
    "turun di Depok dan Tangerang, hujan sedang di Bogor, sedangkan Bekasi berawan.")
BUFFER_EXAMPLES = ("Harga rumah di kota penyangga seperti Bogor, Depok, Tangerang, dan Bekasi terus naik. Pengembang "
                   "menilai Bogor, Depok, Tangerang, dan Bekasi masih diminati pembeli.")


@pytest.mark.parametrize("body, expected", [
    # in an article naming Jabodetabek, a list of its kota is the area's own (region_listed_areas.tsv, rule R6)
    (JABODETABEK_FORECAST, ["32.71", "32.76", "32.75", "36.71"]),
    # without the area named, four kota with nothing acting for them are a round-up of examples (N1)
    (BUFFER_EXAMPLES, []),
])
def test_a_list_of_a_named_areas_kab_kota_is_where_the_story_happens(body, expected):
    assert codes(body) == expected


UNCOMMAED_PLACES = ("Polisi menangkap petugas SIM keliling di LTC Glodok Jakarta Barat. Petugas lain ditangkap di Gerai "
                    "SIM Mall Taman Palem Jakarta Barat, kata juru bicara Polda Metro Jaya.")


@pytest.mark.parametrize("body, expected", [
    # a capitalised place's name right before a compass-named kota, its comma left out, lies in that kota
    (UNCOMMAED_PLACES, ["31.73"]),
    # a capitalised word opening the sentence is no place's name: Jakarta Barat stays two bare mentions
    ("Hujan turun di Bogor dan Depok. Sedangkan Jakarta Barat cerah. Sedangkan Jakarta Barat berawan.", ["32.71"]),
])
def test_a_place_before_a_compass_named_kota_without_its_comma_lies_in_it(body, expected):
    assert codes(body) == expected


def test_the_weighing_tallies_each_kab_kota_s_mentions_and_names_the_rule_that_leaves_one_out():
    body = ("Bupati Malang Sanusi meresmikan pasar baru di Kecamatan Kepanjen, Senin. "
            + "Pasar itu dibangun dengan anggaran daerah dan menampung ratusan pedagang. " * 4
            + "Sebagian pedagang dulu berjualan di Surabaya.")
    weighing = region_weighing(Article("x", "", body))
    assert {code: dict(kinds) for code, kinds in weighing.evidence.tally.items()} == {
        "35.07": {"role": 1, "kecamatan": 1}, "35.78": {"at": 1}}
    assert weighing.evidence.lead == {"35.07"}
    assert weighing.ruled_out == {"35.78": "threshold"}  # one `di Surabaya` past the lead: a passing mention
    assert codes(body) == ["35.07"]
