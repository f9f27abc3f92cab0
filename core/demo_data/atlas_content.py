"""Demo clinical content for Spine PostOp Atlas: procedures, complications, modalities, scenarios, atlas entries.

Plain Python data, no Django imports. A management command loads it into the database.

Source of truth: /work/shared/domain/domain-brief.md (section 0.2 "Corrections after a clinical review" overrides
the rest). Appropriateness ratings are teaching ratings written in ACR style for this app, not official ACR values;
they need sign-off from a clinical reviewer before use as strict answer keys. Where the brief marks a fact as
uncertain, or section 0.2 says "accept a range", a rating carries a low/high range and the text says sources differ.

Only the anchor paper's abstract and summary could be read. Statements are attributed to it only where they come
from that summary (PSPS 10-40%, the role of each modality, scenario-based organisation, low-grade infection and
hardware failure as subtle diagnoses, micromobility on PET/SPECT).
"""

# References (quoted as listed in section G of the domain brief) ---------------------------------------------

REF_ANCHOR = (
    "Budzik JF, Musset T, Lefebvre G, Legrand J, Decaudain J, Ducoulombier V, Verclytte S. Imaging persistent "
    "spinal pain syndrome and spine surgery complications: an interpretation guide for radiologists. Insights into "
    "Imaging, 2026. DOI 10.1186/s13244-025-02065-8 (PMC12847616)"
)
REF_WITKAM = (
    "Witkam RL et al. The current role and future directions of imaging in FBSS patients: an educational review. "
    "Insights Imaging 2022."
)
REF_INSIGHTS_2015 = (
    "Imaging of lumbar spinal surgery complications. Insights Imaging 2015 (early and delayed complications; "
    "dynamic CT myelography; seroma; haematoma)."
)
REF_CORONA = (
    "Corona-Cedillo R et al. Imaging assessment of the postoperative spine: an updated pictorial review. "
    "BioMed Res Int 2021."
)
REF_PSPS = (
    "Persistent spinal pain syndrome type 2. Pain Practice 2024; DOI 10.1111/papr.13379; PMID 38616347."
)
REF_ACR_LBP = "ACR Appropriateness Criteria, Low Back Pain, variants (revised 2021)."
REF_BODEN = "Boden SD et al. Contrast-enhanced MRI after successful lumbar disc surgery. Radiology 1992."
REF_NEURORAD_1996 = "MRI after successful lumbar discectomy. Neuroradiology 1996."
REF_FLORIS = "Floris R et al. Early post-op MRI after disc surgery. Acta Neurochir 1997."
REF_DEUTSCH = "Deutsch AL et al. MRI after successful discectomy. Spine 1993."
REF_MOK = "Mok JM et al.† CRP and ESR kinetics after spine surgery. Spine 2008 (PMID 18277874)."
REF_SAC_AREA = "Early post-op MRI haematoma, dural sac <75 mm² threshold. https://pmc.ncbi.nlm.nih.gov/articles/PMC2997206"
REF_SOKOLOWSKI = (
    "Sokolowski MJ et al.† Prospective post-op epidural haematoma (58%). Spine 2008, PMID 18165756."
)
REF_NSQIP_SEH = "Symptomatic haematoma, NSQIP (0.27%). HSS J 2019."
REF_SPINEJ_SEH = "Post-op SEH incidence and timing (0.22%). Spine J 2013. DOI 10.1016/j.spinee.2012.10.028"
REF_OWL = "Owl's eyes sign. Radsource 2015. http://radsource.us/the-owls-eyes-sign/"
REF_CONUS = "Conus infarct after microdiscectomy. Surg Neurol Int 2019."
REF_CORD_OUTCOME = "Spinal cord infarct outcomes. https://pmc.ncbi.nlm.nih.gov/articles/PMC3466672"
REF_PSEUDOMENINGOCELE = "Pseudomeningocele. Radsource 2017. http://radsource.us/pseudomeningocele/"
REF_SIH = "Intracranial hypotension imaging: https://radiologyassistant.nl/neuroradiology/spontaneous-intracranial-hypotension"
REF_INFECTION_REVIEW = (
    "Post-op spine infection review. Global Spine J 2018. https://pmc.ncbi.nlm.nih.gov/articles/PMC6295816"
)
REF_SSI_FRONT = "SSI after spine surgery: diagnosis. Front Med 2014."
REF_JKNS_INFECTION = "MRI patterns of post-op spinal infection. JKNS 2017."
REF_VAN_GOETHEM = "Van Goethem JW et al.† Value of MRI in post-op spondylodiscitis. Neuroradiology 2000."
REF_ISSLS_DISCITIS = "Post-op spondylodiscitis (ISSLS textbook chapter)."
REF_FDG_META = "FDG PET meta-analysis, primary and post-op pyogenic spondylitis. J Orthop Surg Res 2023."
REF_FOLLENFANT = (
    "Follenfant E et al.† FDG PET/CT in post-op instrumented spine infection. Joint Bone Spine 2019."
)
REF_PALESTRO = (
    "Palestro CJ et al.† In-111 leukocyte imaging in vertebral osteomyelitis (photopenia); J Nucl Med 1991."
)
REF_LOW_GRADE = (
    "Low-grade infection and implant failure following spinal instrumentation. Neurosurgery 2020;87:964–970."
)
REF_EL_YAAGOUBI = "El Yaagoubi Y et al. FDG PET/CT for occult infection in presumed aseptic pseudarthrosis. World J Nucl Med 2024."
REF_GERTZBEIN = "Gertzbein–Robbins grades: https://link.springer.com/10.1007/s11701-024-02001-w"
REF_SCREW_ANGLE = "Quantitative screw-angle method for loosening on radiographs. Eur Spine J 2014;23:689–694."
REF_WU = "Wu X et al. Screw loosening, imaging versus extraction torque. J Orthop Surg Res 2019."
REF_SPECT_SCREWS = "SPECT/CT for loose pedicle screws. Clin Nucl Med 2010."
REF_PSEUDARTHROSIS_ISSLS = (
    "Pseudarthrosis: ISSLS chapter (section 18, chapter 4: pseudarthrosis, diagnosis and management)."
)
REF_SHAH = "Shah RR et al. Radiographs vs CT for interbody fusion. Eur Spine J 2003."
REF_LOCKED = 'Cage fusion grading including "locked nonunion". https://html.scirp.org/file/_2-2011072_2.htm'
REF_RAGER = "Rager O et al. SPECT/CT for pseudarthrosis. Clin Nucl Med 2012."
REF_AL_RIYAMI = "Al-Riyami K et al. Bone SPECT/CT in the post-op spine. Eur J Nucl Med Mol Imaging 2017."
REF_SUBSIDENCE = "Cage subsidence after OLIF. https://www.researchsquare.com/article/rs-853052/v1.html"
REF_PASSAVANTI = "Passavanti Z et al. Gd vs unenhanced MRI for fibrosis vs disc. Skeletal Radiol 2020."
REF_SCAR_DISC = "Scar vs disc: https://radiologykey.com/disc-herniation-recurrent-vs-postoperative-scarring"
REF_FIBROSIS_SCIATICA = "No relation between epidural fibrosis and sciatica. Spine 1995."
REF_DELAMARTER = "Delamarter RB et al. MRI of lumbar arachnoiditis. Spine 1990."
REF_ARACHNOIDITIS_RADSOURCE = (
    "Arachnoiditis (ossificans; causes). Radsource 2007. http://www.radsource.us/clinic/0707"
)
REF_GUIGUI = "Guigui P et al. Pars fracture after laminoarthrectomy, 1998."
REF_FACET_EFFUSION = "Facet effusion and instability: https://pmc.ncbi.nlm.nih.gov/articles/PMC3265597"
REF_HIPP = "Challenge of diagnosing lumbar instability (Hipp 2023)."
REF_SACRAL = "Sacral insufficiency fractures after lumbosacral fusion: https://pmc.ncbi.nlm.nih.gov/articles/PMC6686376"
REF_ASP = "Adjacent segment pathology: https://pmc.ncbi.nlm.nih.gov/articles/PMC4078180"
REF_FACET_VIOLATION = "Adjacent segment pathology: https://pmc.ncbi.nlm.nih.gov/articles/PMC5293472"

# Surgeries ----------------------------------------------------------------------------------------------------

SURGERIES = [
    {
        "slug": "lumbar-discectomy",
        "name": "Lumbar discectomy",
        "short_name": "Discectomy",
        "description": (
            "Removal of a herniated disc fragment (open, microdiscectomy, tubular or endoscopic) through a small "
            "laminotomy or flavectomy window and an annulotomy. Afterwards expect a small posterior-element defect "
            "on the operated side, a posterior annular defect, and epidural soft tissue at the operated level: "
            "early oedema and blood, later scar. A fat graft or haemostatic agent is sometimes left in place."
        ),
    },
    {
        "slug": "decompression-for-stenosis",
        "name": "Decompression for lumbar spinal stenosis (laminectomy or laminotomy)",
        "short_name": "Decompression",
        "description": (
            "Removal of lamina, ligamentum flavum and the medial facet (laminectomy, uni- or bilateral laminotomy, "
            "over-the-top decompression, medial facetectomy, foraminotomy) to enlarge the canal, lateral recesses "
            "and foramina. Afterwards expect a posterior-element defect of variable width, dorsal epidural fat "
            "replaced by scar and a capacious dural sac. Usually no implant."
        ),
    },
    {
        "slug": "posterior-instrumented-fusion",
        "name": "Posterior instrumented fusion (pedicle screws and rods, posterolateral graft)",
        "short_name": "Instrumented fusion",
        "description": (
            "Segments fixed with pedicle screws and rods, with bone graft laid along the decorticated transverse "
            "processes and facets (open or percutaneous). Screws converge through the pedicles into the bodies; "
            "the graft is particulate at first and consolidates over 6–12 months. Fusion cannot be declared "
            "reliably before about 6–12 months."
        ),
    },
    {
        "slug": "interbody-fusion-plif-tlif",
        "name": "Posterior interbody fusion (PLIF / TLIF)",
        "short_name": "PLIF / TLIF",
        "description": (
            "Interbody cage(s) placed in the disc space from behind. PLIF: bilateral approach, usually two cages. "
            "TLIF: unilateral transforaminal approach with complete unilateral facetectomy and one oblique cage. "
            "Usually combined with posterior pedicle screws (stand-alone PLIF cages exist). PEEK cages are "
            "radiolucent: judge their position from the marker beads."
        ),
    },
]

ALL_SURGERIES = [s["slug"] for s in SURGERIES]
FUSIONS = ["posterior-instrumented-fusion", "interbody-fusion-plif-tlif"]
DECOMPRESSIONS = ["lumbar-discectomy", "decompression-for-stenosis"]

# Complications (brief section B.1 grid and B.2 entries) ---------------------------------------------------

COMPLICATIONS = [
    {
        "slug": "epidural-haematoma",
        "name": "Symptomatic epidural haematoma",
        "category": "haemorrhage",
        "urgency": "emergency",
        "onset_min_days": 0,
        "onset_max_days": 5,
        "timing_note": "Hours to days; most within 5 days, can be later",
        "summary": "Bleeding into the epidural space that compresses the sac and causes a new deficit or cauda equina syndrome.",
        "surgeries": ALL_SURGERIES,
    },
    {
        "slug": "cord-ischaemia",
        "name": "Spinal cord or conus ischaemia",
        "category": "neurological",
        "urgency": "emergency",
        "onset_min_days": 0,
        "onset_max_days": 3,
        "timing_note": "During surgery to the first days",
        "summary": "Rare infarction of the lower cord or conus; the deficit does not match the operated level.",
        "surgeries": ALL_SURGERIES,
    },
    {
        "slug": "screw-malposition",
        "name": "Pedicle screw malposition (breach) or cement leakage",
        "category": "hardware",
        "urgency": "emergency",
        "onset_min_days": 0,
        "onset_max_days": 1,
        "timing_note": "Present from surgery; symptoms on waking",
        "summary": "A screw breaching the pedicle wall (medial or inferior threatens the root of the same level).",
        "surgeries": FUSIONS,
    },
    {
        "slug": "cage-migration",
        "name": "Cage malposition, migration or retropulsion",
        "category": "hardware",
        "urgency": "urgent",
        "onset_min_days": 0,
        "onset_max_days": 90,
        "timing_note": "Immediate (malposition); migration mostly within the first ~3 months",
        "summary": "Interbody cage moving backwards into the canal or foramen and compressing a root.",
        "surgeries": ["interbody-fusion-plif-tlif"],
    },
    {
        "slug": "vascular-visceral-injury",
        "name": "Vascular or visceral injury",
        "category": "vascular-thrombotic",
        "urgency": "emergency",
        "onset_min_days": 0,
        "onset_max_days": 1,
        "timing_note": "During surgery to immediate; pseudoaneurysm or arteriovenous fistula can appear late",
        "summary": "Anterior breach by a rongeur, instrument or screw injuring the aorta, iliac vessels, bowel or ureter.",
        "surgeries": ALL_SURGERIES,
    },
    {
        "slug": "recurrent-herniation-ces",
        "name": "Recurrent or residual herniation with cauda equina syndrome",
        "category": "neurological",
        "urgency": "emergency",
        "onset_min_days": 0,
        "onset_max_days": None,
        "timing_note": "Any time after discectomy",
        "summary": "A large recurrent, residual or missed fragment compressing the cauda equina: emergency MRI.",
        "surgeries": ["lumbar-discectomy"],
    },
    {
        "slug": "epidural-abscess",
        "name": "Epidural abscess",
        "category": "infection",
        "urgency": "emergency",
        "onset_min_days": 0,
        "onset_max_days": 180,
        "timing_note": "Early to intermediate (weeks to a few months)",
        "summary": "Rim-enhancing epidural pus; with a deficit or sepsis it needs emergency MRI and surgery.",
        "surgeries": ALL_SURGERIES,
    },
    {
        "slug": "deep-ssi",
        "name": "Deep surgical site infection",
        "category": "infection",
        "urgency": "urgent",
        "onset_min_days": 7,
        "onset_max_days": 90,
        "timing_note": "Usually 2–4 weeks, up to ~3 months",
        "summary": "Infection deep to the fascia: collection with a thick enhancing wall, phlegmon, fluid along rods.",
        "surgeries": ALL_SURGERIES,
    },
    {
        "slug": "spondylodiscitis",
        "name": "Post-operative spondylodiscitis",
        "category": "infection",
        "urgency": "urgent",
        "onset_min_days": 7,
        "onset_max_days": 90,
        "timing_note": "Usually 1–4 weeks, up to ~3 months",
        "summary": "Infection of the operated disc and endplates, mainly after discectomy; paravertebral phlegmon is the key sign.",
        "surgeries": ALL_SURGERIES,
    },
    {
        "slug": "low-grade-implant-infection",
        "name": "Delayed low-grade implant infection",
        "category": "infection",
        "urgency": "non_urgent",
        "onset_min_days": 90,
        "onset_max_days": None,
        "timing_note": "3 months to years",
        "summary": "Low-virulence infection (C. acnes, coagulase-negative staphylococci) around implants, often with a normal CRP.",
        "surgeries": FUSIONS,
    },
    {
        "slug": "csf-leak",
        "name": "Dural tear with CSF leak and intracranial hypotension",
        "category": "csf-and-fluid",
        "urgency": "urgent",
        "onset_min_days": 1,
        "onset_max_days": 42,
        "timing_note": "Days to weeks; a wound leak is urgent (meningitis risk)",
        "summary": "CSF loss through a missed or failed dural repair: orthostatic headache, clear wound fluid.",
        "surgeries": ALL_SURGERIES,
    },
    {
        "slug": "pseudomeningocele",
        "name": "Pseudomeningocele",
        "category": "csf-and-fluid",
        "urgency": "non_urgent",
        "onset_min_days": 7,
        "onset_max_days": 90,
        "timing_note": "Weeks",
        "summary": "Extradural CSF collection that communicates with the dural sac through a dural defect.",
        "surgeries": ALL_SURGERIES,
    },
    {
        "slug": "seroma",
        "name": "Seroma",
        "category": "csf-and-fluid",
        "urgency": "non_urgent",
        "onset_min_days": 1,
        "onset_max_days": 42,
        "timing_note": "First weeks; shrinks over weeks",
        "summary": "Sterile serous fluid in the surgical dead space, with no communication with the dural sac.",
        "surgeries": ALL_SURGERIES,
    },
    {
        "slug": "dvt-pe",
        "name": "Deep vein thrombosis or pulmonary embolism",
        "category": "vascular-thrombotic",
        "urgency": "urgent",
        "onset_min_days": 1,
        "onset_max_days": 42,
        "timing_note": "Days to weeks; pulmonary embolism is an emergency",
        "summary": "Calf or thigh pain and swelling that can be mistaken for radiculopathy; duplex ultrasound.",
        "surgeries": ALL_SURGERIES,
    },
    {
        "slug": "sacral-insufficiency-fracture",
        "name": "Sacral insufficiency fracture below a lumbosacral fusion",
        "category": "fracture",
        "urgency": "urgent",
        "onset_min_days": 7,
        "onset_max_days": 90,
        "timing_note": "Days to ~3 months; mean about 6 weeks",
        "summary": "Fracture of osteoporotic sacrum next to the S1 screws, often missed on radiographs.",
        "surgeries": FUSIONS,
    },
    {
        "slug": "vertebral-fracture",
        "name": "Pedicle, split or adjacent vertebral fracture",
        "category": "fracture",
        "urgency": "non_urgent",
        "onset_min_days": 0,
        "onset_max_days": None,
        "timing_note": "Pedicle or split fracture: days to ~3 months; adjacent osteoporotic fracture: months to years",
        "summary": "Fracture caused by screws or a cage, or an osteoporotic fracture next to the construct.",
        "surgeries": FUSIONS,
    },
    {
        "slug": "recurrent-herniation",
        "name": "Recurrent disc herniation",
        "category": "degenerative-mechanical",
        "urgency": "non_urgent",
        "onset_min_days": 30,
        "onset_max_days": None,
        "timing_note": "Months to years, often in the first year, after a pain-free interval",
        "summary": "New herniation at the operated level after a pain-free interval: no central enhancement, mass effect.",
        "surgeries": ["lumbar-discectomy"],
    },
    {
        "slug": "epidural-fibrosis",
        "name": "Epidural fibrosis (scar)",
        "category": "degenerative-mechanical",
        "urgency": "non_urgent",
        "onset_min_days": 42,
        "onset_max_days": None,
        "timing_note": "Weeks to years; enhances for years",
        "summary": "Epidural scar that enhances homogeneously and envelops the root; correlates weakly with pain.",
        "surgeries": DECOMPRESSIONS,
    },
    {
        "slug": "residual-herniation-wrong-level",
        "name": "Residual fragment, wrong level or inadequate decompression",
        "category": "technical-failure",
        "urgency": "non_urgent",
        "onset_min_days": 0,
        "onset_max_days": 0,
        "timing_note": "From day 1: symptoms never improved",
        "summary": "Technical failure: pain identical to before surgery, with no pain-free interval.",
        "surgeries": DECOMPRESSIONS,
    },
    {
        "slug": "residual-recurrent-stenosis",
        "name": "Residual or recurrent stenosis",
        "category": "degenerative-mechanical",
        "urgency": "non_urgent",
        "onset_min_days": 0,
        "onset_max_days": None,
        "timing_note": "Immediate (residual) or months to years (recurrent)",
        "summary": "Canal, recess or foraminal narrowing never decompressed or returning after decompression.",
        "surgeries": ["decompression-for-stenosis", "lumbar-discectomy"],
    },
    {
        "slug": "iatrogenic-instability",
        "name": "Iatrogenic instability, pars or facet fracture after decompression",
        "category": "degenerative-mechanical",
        "urgency": "non_urgent",
        "onset_min_days": 30,
        "onset_max_days": None,
        "timing_note": "Months (pars fracture: mean ~7–8 months)",
        "summary": "New or progressive slip after wide facet resection or a pars fracture.",
        "surgeries": DECOMPRESSIONS,
    },
    {
        "slug": "arachnoiditis",
        "name": "Adhesive arachnoiditis",
        "category": "neurological",
        "urgency": "non_urgent",
        "onset_min_days": 90,
        "onset_max_days": None,
        "timing_note": "Months to years",
        "summary": "Roots clumped centrally or stuck to the dura after repeated surgery, durotomy, infection or intrathecal blood.",
        "surgeries": ALL_SURGERIES,
    },
    {
        "slug": "radiculitis",
        "name": "Nerve root injury or radiculitis (battered root)",
        "category": "neurological",
        "urgency": "non_urgent",
        "onset_min_days": 0,
        "onset_max_days": None,
        "timing_note": "From surgery; root enhancement is normal for up to ~6 months",
        "summary": "Persistent radicular pain from an injured or inflamed root; enhancement meaningful only late and with symptoms.",
        "surgeries": ALL_SURGERIES,
    },
    {
        "slug": "hardware-loosening",
        "name": "Hardware loosening",
        "category": "hardware",
        "urgency": "non_urgent",
        "onset_min_days": 90,
        "onset_max_days": None,
        "timing_note": "Months to years",
        "summary": "Loss of bone–screw fixation: lucent halo around the screw, change in angle, backing out.",
        "surgeries": FUSIONS,
    },
    {
        "slug": "hardware-failure",
        "name": "Hardware failure: rod or screw fracture, late cage subsidence",
        "category": "hardware",
        "urgency": "non_urgent",
        "onset_min_days": 180,
        "onset_max_days": None,
        "timing_note": "Usually beyond 6–12 months; urgent if there is a deficit",
        "summary": "Fatigue fracture of metal, which means persistent motion: pseudarthrosis until proven otherwise.",
        "surgeries": FUSIONS,
    },
    {
        "slug": "pseudarthrosis",
        "name": "Pseudarthrosis (nonunion), including locked pseudarthrosis",
        "category": "fusion",
        "urgency": "non_urgent",
        "onset_min_days": 365,
        "onset_max_days": None,
        "timing_note": "Diagnosed at 12 months or later",
        "summary": "No solid bridging bone at 12 months or later; the hardware can hide it ('locked').",
        "surgeries": FUSIONS,
    },
    {
        "slug": "adjacent-segment-disease",
        "name": "Adjacent segment degeneration or disease",
        "category": "degenerative-mechanical",
        "urgency": "non_urgent",
        "onset_min_days": 365,
        "onset_max_days": None,
        "timing_note": "Years (can be earlier)",
        "summary": "Degeneration, stenosis or instability at the mobile segment next to a fusion, usually cranial.",
        "surgeries": FUSIONS,
    },
    {
        "slug": "facet-joint-syndrome",
        "name": "Facet joint syndrome",
        "category": "degenerative-mechanical",
        "urgency": "non_urgent",
        "onset_min_days": 90,
        "onset_max_days": None,
        "timing_note": "Months to years",
        "summary": "Painful facet arthropathy at mobile, decompressed or non-united levels, or from screw–facet conflict.",
        "surgeries": ALL_SURGERIES,
    },
    {
        "slug": "sij-pain",
        "name": "Sacroiliac joint pain",
        "category": "degenerative-mechanical",
        "urgency": "non_urgent",
        "onset_min_days": 90,
        "onset_max_days": None,
        "timing_note": "Months to years, especially after fusion to S1",
        "summary": "Overload of the sacroiliac joint after fusion to the sacrum; confirmed by an image-guided block.",
        "surgeries": FUSIONS,
    },
    {
        "slug": "sagittal-imbalance",
        "name": "Sagittal imbalance (flatback)",
        "category": "degenerative-mechanical",
        "urgency": "non_urgent",
        "onset_min_days": 90,
        "onset_max_days": None,
        "timing_note": "Months to years",
        "summary": "Fusion in too little lordosis or loss of correction, with compensation by pelvic retroversion.",
        "surgeries": FUSIONS,
    },
    {
        "slug": "bmp-related-changes",
        "name": "rhBMP-2-related osteolysis, seroma or radiculitis",
        "category": "fusion",
        "urgency": "non_urgent",
        "onset_min_days": 7,
        "onset_max_days": 90,
        "timing_note": "First weeks to ~3 months, usually self-limiting",
        "summary": "Peri-cage endplate osteolysis, seroma, heterotopic bone or radiculitis that mimic infection or loosening.",
        "surgeries": FUSIONS,
    },
]

# Modalities (radiation level = count of ACR relative radiation level symbols, brief C.0) -----------------------

MODALITIES = [
    {
        "slug": "xr-standing",
        "name": "Standing radiographs (AP and lateral)",
        "abbreviation": "XR",
        "category": "radiography",
        "radiation_level": 3,
        "radiation_note": "~1–1.5 mSv for AP + lateral; full-length EOS films need several times less",
        "cost_tier": 1,
        "description": "Alignment under load, slip, hardware position and breakage, compared with the baseline film.",
        "schematic_style": "xr",
    },
    {
        "slug": "xr-dynamic",
        "name": "Flexion-extension radiographs",
        "abbreviation": "XR-dyn",
        "category": "radiography",
        "radiation_level": 2,
        "radiation_note": "about +0.5–1 mSv per flexion-extension pair",
        "cost_tier": 1,
        "description": "Lateral films in flexion and extension to measure translation and angulation (instability, nonunion).",
        "schematic_style": "xr",
    },
    {
        "slug": "ct",
        "name": "CT without contrast (with metal-artefact reduction)",
        "abbreviation": "CT",
        "category": "ct",
        "radiation_level": 3,
        "radiation_note": "~5–10 mSv for a lumbar CT",
        "cost_tier": 2,
        "description": "Reference for bone, fusion and hardware: thin slices, bone window, reformats along each screw.",
        "schematic_style": "ct",
    },
    {
        "slug": "ct-contrast",
        "name": "CT with IV contrast",
        "abbreviation": "CT+C",
        "category": "ct",
        "radiation_level": 4,
        "radiation_note": "ACR ☢☢☢☢ (10–30 mSv) when acquired without and with contrast",
        "cost_tier": 2,
        "description": "Collections and gas when MRI is contraindicated or ruined by artefact; plans drainage.",
        "schematic_style": "ct",
    },
    {
        "slug": "mri",
        "name": "MRI without contrast",
        "abbreviation": "MRI",
        "category": "mri",
        "radiation_level": 0,
        "radiation_note": "",
        "cost_tier": 3,
        "description": "Soft tissues, neural elements and fluid: T1, T2, STIR or Dixon, DWI; MAR sequences near hardware.",
        "schematic_style": "mri_t2",
    },
    {
        "slug": "mri-gd",
        "name": "MRI without and with gadolinium",
        "abbreviation": "MRI+Gd",
        "category": "mri",
        "radiation_level": 0,
        "radiation_note": "",
        "cost_tier": 3,
        "description": "Adds early fat-saturated post-contrast T1: scar versus disc, infection, abscess versus phlegmon.",
        "schematic_style": "mri_t1_gd",
        # The examination begins with the whole non-contrast protocol, so it meets any step asking for MRI.
        "contains": ["mri"],
    },
    {
        "slug": "ct-myelography",
        "is_invasive": True,
        "name": "CT myelography",
        "abbreviation": "Myelo-CT",
        "category": "ct",
        "radiation_level": 4,
        "radiation_note": "ACR ☢☢☢☢ (10–30 mSv); needs a lumbar puncture",
        "cost_tier": 3,
        "description": "CT after intrathecal contrast: canal and roots when MRI is impossible; locates CSF leaks.",
        "schematic_style": "ct",
    },
    {
        "slug": "bone-scan-spect",
        "name": "Bone scintigraphy with SPECT/CT",
        "abbreviation": "SPECT/CT",
        "category": "nuclear",
        "radiation_level": 3,
        "radiation_note": "~3–5 mSv for the bone scan, plus the CT part of SPECT/CT",
        "cost_tier": 3,
        "description": "Bone metabolism: micromobility at a nonunion, loose screws, active facets; non-specific early after surgery.",
        "schematic_style": "spect",
    },
    {
        "slug": "fdg-pet",
        "name": "FDG PET/CT",
        "abbreviation": "FDG",
        "category": "nuclear",
        "radiation_level": 4,
        "radiation_note": "~4–6 mSv for FDG plus the CT (whole-body PET/CT: ACR ☢☢☢☢)",
        "cost_tier": 4,
        "description": "Glucose metabolism: infection when MRI is equivocal or degraded by metal; read non-corrected images too.",
        "schematic_style": "pet",
    },
    {
        "slug": "leukocyte-scan",
        "name": "Labelled-leukocyte scintigraphy",
        "abbreviation": "WBC",
        "category": "nuclear",
        "radiation_level": 3,
        "radiation_note": "~3–4 mSv with 99mTc-HMPAO; higher with 111In",
        "cost_tier": 4,
        "description": "Poor in the spine: vertebral infection is often photopenic ('cold').",
        "schematic_style": "spect",
    },
    {
        "slug": "gallium",
        "name": "Gallium-67 scintigraphy (± SPECT/CT)",
        "abbreviation": "Ga",
        "category": "nuclear",
        "radiation_level": 4,
        "radiation_note": "high (order of 10–20 mSv); 48–72 h protocol",
        "cost_tier": 4,
        "description": "Older infection tracer, reasonably sensitive for spinal infection; largely replaced by FDG PET/CT.",
        "schematic_style": "spect",
    },
    {
        "slug": "ultrasound",
        "name": "Ultrasound (including compression duplex)",
        "abbreviation": "US",
        "category": "ultrasound",
        "radiation_level": 0,
        "radiation_note": "",
        "cost_tier": 1,
        "description": "Superficial collections and guided aspiration; compression duplex for deep vein thrombosis.",
        "schematic_style": "us",
    },
    {
        "slug": "biopsy",
        "is_invasive": True,
        "name": "Image-guided aspiration or biopsy",
        "abbreviation": "Biopsy",
        "category": "procedure",
        "radiation_level": 3,
        "radiation_note": "depends on the guidance (CT or fluoroscopy; none with ultrasound)",
        "cost_tier": 3,
        "description": "Deep samples for microbiology and histology, ideally before antibiotics.",
        "schematic_style": "ct",
    },
    {
        "slug": "guided-injection",
        "is_invasive": True,
        "name": "Image-guided injection (nerve root block, SIJ block)",
        "abbreviation": "Block",
        "category": "procedure",
        "radiation_level": 2,
        "radiation_note": "depends on the guidance (fluoroscopy or CT)",
        "cost_tier": 3,
        "description": "Anaesthetic block to confirm a pain generator (root, sacroiliac or facet joint); also therapeutic.",
        "schematic_style": "xr",
    },
    {
        "slug": "brain-mri-gd",
        "name": "Brain MRI with gadolinium",
        "abbreviation": "Brain MRI+Gd",
        "category": "mri",
        "radiation_level": 0,
        "radiation_note": "",
        "cost_tier": 3,
        "description": "Signs of intracranial hypotension (SEEPS, Bern score) and subdural collections.",
        "schematic_style": "mri_t1_gd",
    },
    {
        "slug": "brain-ct",
        "name": "Brain CT without contrast",
        "abbreviation": "Brain CT",
        "category": "ct",
        "radiation_level": 3,
        "radiation_note": "",
        "cost_tier": 2,
        "description": "Fast exclusion of an intracranial haemorrhage or subdural haematoma when consciousness is reduced.",
        "schematic_style": "ct",
    },
    {
        "slug": "ct-angiography",
        "name": "CT angiography (aorta, pulmonary or iliac vessels)",
        "abbreviation": "CTA",
        "category": "ct",
        "radiation_level": 3,
        "radiation_note": "",
        "cost_tier": 2,
        "description": "Vascular injury, pseudoaneurysm, pulmonary embolism (CT pulmonary angiography) or iliac vein thrombosis.",
        "schematic_style": "ct",
    },
]

# Scenarios (brief section C) ------------------------------------------------------------------------------


def _r(modality: str, rating: int, reason: str, low: int | None = None, high: int | None = None) -> dict:
    """One appropriateness rating; low/high is the accepted range (the rating itself unless widened)."""
    return {
        "modality": modality,
        "rating": rating,
        "low": rating if low is None else low,
        "high": rating if high is None else high,
        "reason": reason,
    }


NO_ROLE = "No role in this question."
VARIANT_5_NOTE = (
    "ACR Low Back Pain Variant 5 (prior lumbar surgery, new or progressing symptoms, initial imaging) rates "
    "radiographs, MRI and MRI with contrast usually appropriate, CT and CT myelography may be appropriate. This "
    "scenario departs from it on purpose because the question is specific: its first-line steps answer that "
    "question, and the ACR category of each examination stays visible in the accepted range."
)
INFECTION_GUIDELINE_NOTE = (
    "Guidelines differ. The ACR topic Suspected Spine Infection (2021), variant for infection after recent surgery, "
    "rates MRI without and with contrast and MRI without contrast usually appropriate; radiography, three-phase "
    "bone scan, gallium and CT with and without contrast may be appropriate; leukocyte scintigraphy usually not "
    "appropriate. The ratings here follow European practice (EANM/ESNR consensus 2019: FDG PET/CT after an "
    "inconclusive MRI). Either category is accepted for bone scan, gallium and FDG."
)

SCENARIOS = [
    {
        "slug": "c1-deficit-within-24h-of-decompression",
        "code": "C.1",
        "title": "New motor deficit or cauda equina signs within 24 h of decompression or discectomy",
        "presentation": (
            "Hours after a lumbar decompression or discectomy the patient has severe pain out of proportion to the "
            "surgery, a new or progressive motor deficit, saddle anaesthesia or sphincter dysfunction."
        ),
        "timing": "Within 24 h",
        "days_since_surgery": 0,
        "surgeries": DECOMPRESSIONS,
        "urgency": "emergency",
        "likely_diagnoses": [
            "epidural-haematoma",
            "recurrent-herniation-ces",
            "cord-ischaemia",
        ],
        "other_diagnoses_text": (
            "Most likely a symptomatic epidural haematoma. Also a retained or migrated fragment, cage or graft "
            "retropulsion, and (rarely) conus ischaemia. Post-operative urinary retention alone is not a cauda "
            "equina syndrome."
        ),
        "ideal_order": ["mri"],
        "first_line": [{"mri": 100}],
        "conditional": {
            "ct": "if MRI is unavailable, contraindicated or would delay surgery",
            "ct-myelography": "only when MRI is impossible and CT is inconclusive",
        },
        "ideal_order_text": (
            "Immediate neurological examination and surgeon call → emergency MRI (sagittal T1/T2, axial T2 through "
            "the operated levels and the conus) → theatre. With clear-cut progressive deficit, re-exploration "
            "without imaging is acceptable. Aim for decompression within ~6 h of onset."
        ),
        "radiation_note": "None with MRI.",
        "guideline_note": (
            "ACR Low Back Pain Variant 4 (suspected cauda equina syndrome) rates MRI without, and MRI without and "
            "with, contrast usually appropriate. Gadolinium is not needed for a haematoma, so MRI with gadolinium "
            "is rated 5 here but 5–7 is accepted."
        ),
        "ratings": [
            _r(
                "mri",
                9,
                "Fast; shows the haematoma, the degree of sac compression, the level and other compressive causes; include the conus.",
            ),
            _r(
                "mri-gd",
                5,
                "Not needed acutely; only if abscess is a real differential (unusual at <24 h). ACR Variant 4 accepts it.",
                5,
                7,
            ),
            _r(
                "ct",
                6,
                "If MRI is unavailable, contraindicated or would delay surgery: hyperdense collection, bone, hardware. Weak for neural compression.",
            ),
            _r("ct-contrast", 2, "Adds little."),
            _r(
                "ct-myelography",
                4,
                "Only when MRI is impossible and CT is inconclusive; lumbar puncture next to a fresh surgical field.",
            ),
            _r("xr-standing", 2, "No soft-tissue information; gross hardware only."),
            _r("xr-dynamic", 1, "Useless and unsafe acutely."),
            _r("bone-scan-spect", 1, NO_ROLE),
            _r("fdg-pet", 1, NO_ROLE),
            _r("leukocyte-scan", 1, NO_ROLE),
            _r("gallium", 1, NO_ROLE),
            _r("ultrasound", 1, "Cannot show the epidural space or the roots."),
            _r("biopsy", 1, NO_ROLE),
            _r("guided-injection", 1, NO_ROLE),
            _r("brain-mri-gd", 1, NO_ROLE),
            _r("brain-ct", 1, NO_ROLE),
            _r(
                "ct-angiography",
                1,
                "Only for suspected vascular injury (hypotension, retroperitoneal bleeding), not this picture.",
            ),
        ],
    },
    {
        "slug": "c2-radicular-deficit-after-screw-fixation",
        "code": "C.2",
        "title": "New radicular pain or weakness on waking after pedicle screw fixation ± TLIF",
        "presentation": (
            "On waking after pedicle screw fixation, with or without a TLIF cage, the patient has new radicular pain "
            "or weakness in the distribution of one root."
        ),
        "timing": "On waking, day 0–1",
        "days_since_surgery": 1,
        "surgeries": FUSIONS,
        "urgency": "emergency",
        "likely_diagnoses": ["screw-malposition", "cage-migration", "radiculitis", "epidural-haematoma"],
        "other_diagnoses_text": (
            "Pedicle breach (medial or inferior), cage retropulsion, root injury; less often haematoma or residual "
            "disc."
        ),
        "ideal_order": ["ct", "mri"],
        "first_line": [{"ct": 100}],
        "conditional": {
            "mri": "if CT does not explain the deficit",
            "ct-myelography": "if MRI is impossible and CT is negative",
        },
        "ideal_order_text": (
            "CT with MAR → revise a symptomatic significant breach (typically medial or inferior, ≥2–4 mm) → MRI "
            "only if CT does not explain. EMG/neurophysiology helps."
        ),
        "radiation_note": "CT ☢☢☢ (about 5–10 mSv).",
        "guideline_note": "",
        "ratings": [
            _r(
                "ct",
                9,
                "Reference for screw position (Gertzbein–Robbins grade and direction) and cage migration; MAR and reformats along each screw.",
            ),
            _r(
                "xr-standing",
                5,
                "Quick check of gross cage and screw position and a baseline for follow-up; misses most breaches.",
            ),
            _r(
                "mri",
                6,
                "If CT does not explain the deficit: haematoma, retained disc, root compression. Rated 7 when the problem is a new motor deficit and CT does not explain it.",
                6,
                7,
            ),
            _r("mri-gd", 3, "Rarely adds in the first days."),
            _r("ct-myelography", 4, "If MRI is impossible and CT is negative."),
            _r("xr-dynamic", 1, "No role early."),
            _r("ct-contrast", 1, "Adds nothing to CT for screw position."),
            _r("bone-scan-spect", 1, NO_ROLE),
            _r("fdg-pet", 1, NO_ROLE),
            _r("leukocyte-scan", 1, NO_ROLE),
            _r("gallium", 1, NO_ROLE),
            _r("ultrasound", 1, NO_ROLE),
            _r("biopsy", 1, NO_ROLE),
            _r("guided-injection", 1, NO_ROLE),
            _r("brain-mri-gd", 1, NO_ROLE),
            _r("brain-ct", 1, NO_ROLE),
            _r(
                "ct-angiography",
                1,
                "Only if an anterior breach with bleeding is suspected (haemodynamic instability).",
            ),
        ],
    },
    {
        "slug": "c3-paraplegia-sensory-level-after-lumbar-surgery",
        "code": "C.3",
        "title": "Sudden paraplegia with a sensory level after lumbar surgery; the deficit does not match the operated level",
        "presentation": (
            "After lumbar surgery the patient has an acute, flaccid paraplegia with a sensory level and bladder "
            "dysfunction, sometimes with dissociated sensory loss (pain and temperature lost, proprioception and "
            "vibration preserved). The level of the deficit is above the operated level."
        ),
        "timing": "During surgery to the first days",
        "days_since_surgery": 0,
        "surgeries": ALL_SURGERIES,
        "urgency": "emergency",
        "likely_diagnoses": [
            "epidural-haematoma",
            "cord-ischaemia",
            "screw-malposition",
            "vascular-visceral-injury",
        ],
        "other_diagnoses_text": (
            "Spinal cord or conus ischaemia ('owl eyes') is the classic answer, but first exclude a compressive "
            "haematoma extending cranially (far more frequent), hardware, or an unsuspected thoracic lesion."
        ),
        "ideal_order": ["mri"],
        "first_line": [{"mri": 100}],
        "conditional": {
            "ct-angiography": "if vascular injury, dissection or hypotension from an anterior approach is suspected",
            "ct": "if MRI is delayed, to exclude a haematoma or hardware quickly",
        },
        "ideal_order_text": (
            "Emergency MRI of the whole thoracolumbar cord → if negative in the first hours and suspicion persists, "
            "repeat at 24–72 h → blood-pressure management with the anaesthetists. Pitfall: imaging only the "
            "operated lumbar levels."
        ),
        "radiation_note": "None with MRI.",
        "guideline_note": "",
        "ratings": [
            _r(
                "mri",
                9,
                "Whole thoracic and lumbar cord including the conus, with DWI: excludes compression; owl eyes, pencil-like T2 signal, vertebral infarct.",
            ),
            _r(
                "mri-gd",
                6,
                "Differential (myelitis, tumour) and subacute enhancement; not needed for the first answer.",
            ),
            _r("ct", 5, "Quick exclusion of haematoma or hardware if MRI is delayed; cannot see the cord."),
            _r(
                "ct-angiography",
                5,
                "If vascular injury, dissection or hypotension from an anterior approach is suspected.",
            ),
            _r("ct-myelography", 3, "Only if MRI is impossible; does not show ischaemia."),
            _r("xr-standing", 2, NO_ROLE),
            _r("xr-dynamic", 1, NO_ROLE),
            _r("ct-contrast", 1, "Does not show the cord."),
            _r("bone-scan-spect", 1, NO_ROLE),
            _r("fdg-pet", 1, NO_ROLE),
            _r("leukocyte-scan", 1, NO_ROLE),
            _r("gallium", 1, NO_ROLE),
            _r("ultrasound", 1, NO_ROLE),
            _r("biopsy", 1, NO_ROLE),
            _r("guided-injection", 1, NO_ROLE),
            _r("brain-mri-gd", 1, "A sensory level points to the cord, not the brain."),
            _r("brain-ct", 1, "A sensory level points to the cord, not the brain."),
        ],
    },
    {
        "slug": "c4-orthostatic-headache-after-surgery",
        "code": "C.4",
        "title": "Orthostatic headache with nausea or dizziness days after discectomy or laminectomy, afebrile",
        "presentation": (
            "Days after a discectomy or laminectomy the patient has a headache that is worse upright and eased lying "
            "down, with nausea or dizziness. No fever."
        ),
        "timing": "Days to weeks",
        "days_since_surgery": 5,
        "surgeries": DECOMPRESSIONS,
        "urgency": "urgent",
        "likely_diagnoses": ["csf-leak", "pseudomeningocele"],
        "other_diagnoses_text": (
            "CSF leak or pseudomeningocele with intracranial hypotension. A clear wound leak is urgent (meningitis "
            "risk). Rarely a subdural collection or a remote cerebellar haemorrhage from CSF loss."
        ),
        "ideal_order": ["mri", "brain-mri-gd", "ct-myelography"],
        "first_line": [{"mri": 100}],
        "conditional": {
            "brain-mri-gd": "if the headache is atypical, severe or persistent, or a subdural haematoma is feared",
            "brain-ct": "if consciousness is reduced or there are focal signs",
            "ct-myelography": "only before a targeted repair, when conservative care or a blood patch has failed",
        },
        "ideal_order_text": (
            "Clinical diagnosis → lumbar MRI ± brain MRI with Gd → conservative care or epidural blood patch → CT "
            "myelography only before targeted repair. A clear wound leak is urgent (meningitis risk)."
        ),
        "radiation_note": "None with MRI; CT myelography ☢☢☢☢ only before a repair.",
        "guideline_note": "",
        "ratings": [
            _r(
                "mri",
                8,
                "Lumbar MRI with heavily T2-weighted (MR myelography) images: CSF collection communicating with the sac, herniated roots.",
            ),
            _r(
                "brain-mri-gd",
                7,
                "SEEPS and Bern-score signs; excludes subdural haematoma; most useful if the headache is atypical, severe or persistent.",
            ),
            _r(
                "brain-ct",
                5,
                "If consciousness is reduced or there are focal signs: fast exclusion of a subdural haematoma.",
            ),
            _r(
                "ct-myelography",
                5,
                "Locates the leak when conservative treatment or a blood patch fails and repair is planned; invasive.",
            ),
            _r("mri-gd", 5, "Lumbar MRI with Gd only when infection or another process is in question."),
            _r("ultrasound", 4, "Superficial fluid; cannot prove a dural communication."),
            _r("ct", 3, "Poor for CSF collections."),
            _r("xr-standing", 1, NO_ROLE),
            _r("xr-dynamic", 1, NO_ROLE),
            _r("ct-contrast", 1, "Poor for CSF collections."),
            _r("bone-scan-spect", 1, NO_ROLE),
            _r("fdg-pet", 1, NO_ROLE),
            _r("leukocyte-scan", 1, NO_ROLE),
            _r("gallium", 1, NO_ROLE),
            _r(
                "biopsy", 1, "Needling a CSF collection in an afebrile patient risks infection and a fistula."
            ),
            _r("guided-injection", 1, "Not a diagnostic test here (an epidural blood patch is a treatment)."),
            _r("ct-angiography", 1, NO_ROLE),
        ],
    },
    {
        "slug": "c5-fluctuant-swelling-day-10",
        "code": "C.5",
        "title": "Painless fluctuant swelling under the scar on day 10, afebrile, CRP falling",
        "presentation": (
            "Ten days after surgery a painless, fluctuant swelling appears under the scar. The wound is dry, the "
            "patient is afebrile and the CRP is falling."
        ),
        "timing": "Day 10",
        "days_since_surgery": 10,
        "surgeries": DECOMPRESSIONS,
        "urgency": "non_urgent",
        "likely_diagnoses": ["seroma", "pseudomeningocele", "deep-ssi"],
        "other_diagnoses_text": "Seroma versus pseudomeningocele; infection unlikely with a falling CRP and no fever.",
        "ideal_order": ["ultrasound", "mri"],
        "first_line": [{"ultrasound": 100, "mri": 100}],
        "conditional": {
            "mri-gd": "if infection is suspected (thick wall, fever)",
            "ct-myelography": "to prove the fistula before a surgical repair",
        },
        "ideal_order_text": (
            "Ultrasound or MRI → observe (most seromas resolve) → intervene only if it enlarges, hurts, leaks, or "
            "infection is suspected."
        ),
        "radiation_note": "None with ultrasound or MRI.",
        "guideline_note": "",
        "ratings": [
            _r(
                "mri",
                8,
                "Tells pseudomeningocele (CSF signal, dural communication, roots) from seroma (no communication).",
            ),
            _r(
                "ultrasound",
                7,
                "Bedside; confirms fluid and size; guides aspiration; cannot show a dural communication.",
            ),
            _r("mri-gd", 5, "Only if infection is suspected (thick wall, DWI)."),
            _r(
                "biopsy",
                3,
                "Aspiration with β2-transferrin only when imaging is equivocal: needling a pseudomeningocele in an afebrile patient risks infection and fistula.",
                3,
                4,
            ),
            _r("ct-myelography", 4, "Proves the fistula before surgical repair."),
            _r("ct", 3, "Adds little."),
            _r("xr-standing", 1, NO_ROLE),
            _r("xr-dynamic", 1, NO_ROLE),
            _r("ct-contrast", 1, "Adds little to ultrasound and MRI."),
            _r("bone-scan-spect", 1, NO_ROLE),
            _r("fdg-pet", 1, NO_ROLE),
            _r("leukocyte-scan", 1, NO_ROLE),
            _r("gallium", 1, NO_ROLE),
            _r("guided-injection", 1, NO_ROLE),
            _r("brain-mri-gd", 2, "Only if an orthostatic headache suggests intracranial hypotension."),
            _r("brain-ct", 1, NO_ROLE),
            _r("ct-angiography", 1, NO_ROLE),
        ],
    },
    {
        "slug": "c6-fever-wound-discharge-after-fusion",
        "code": "C.6",
        "title": "Fever, wound discharge and a CRP rising again 3 weeks after instrumented L4–S1 fusion",
        "presentation": (
            "Three weeks after an instrumented L4–S1 fusion the back pain increases after an initial improvement, "
            "with fever, discharge from the wound and a CRP that rises again after its early fall."
        ),
        "timing": "3 weeks",
        "days_since_surgery": 21,
        "surgeries": FUSIONS,
        "urgency": "urgent",
        "likely_diagnoses": ["deep-ssi", "epidural-abscess", "spondylodiscitis"],
        "other_diagnoses_text": "Deep surgical site infection ± epidural abscess or early implant infection.",
        "ideal_order": ["mri-gd", "biopsy"],
        "first_line": [{"mri-gd": 100, "mri": 100}],
        "conditional": {
            "biopsy": "when surgery is not immediate, for microbiology before antibiotics",
            "ct-contrast": "when MRI is contraindicated or ruined by artefact",
            "fdg-pet": "if MRI is equivocal",
        },
        "ideal_order_text": (
            "Blood cultures, CRP trend → MRI with Gd → surgical debridement with ≥3–5 deep samples (or image-guided "
            "aspiration) → targeted antibiotics."
        ),
        "radiation_note": "MRI none; CT with contrast ☢☢☢ or more.",
        "guideline_note": INFECTION_GUIDELINE_NOTE,
        "ratings": [
            _r(
                "mri-gd",
                9,
                "With MAR (STIR/Dixon, DWI): depth, epidural, disc and paraspinal extent; abscess versus phlegmon; fluid along the rods.",
            ),
            _r("mri", 7, "If Gd is contraindicated: STIR and DWI still show collections."),
            _r(
                "ct-contrast",
                6,
                "When MRI is contraindicated or ruined by artefact: collections and gas; plans drainage.",
                5,
                6,
            ),
            _r(
                "biopsy",
                6,
                "Deep aspiration for microbiology when surgery is not immediate; sample before antibiotics unless septic.",
                5,
                6,
            ),
            _r(
                "ct",
                4,
                "Hardware, gas, baseline; bone changes not yet visible. The ACR infection topic rates CT may be appropriate.",
                3,
                5,
            ),
            _r("ultrasound", 5, "Superficial collections; guides aspiration."),
            _r(
                "fdg-pet",
                5,
                "Post-op uptake at 3 weeks lowers specificity; for equivocal cases. Guidelines differ: either category accepted.",
                4,
                7,
            ),
            _r(
                "xr-standing",
                3,
                "Baseline hardware position only (the ACR infection topic rates it may be appropriate).",
                3,
                5,
            ),
            _r("leukocyte-scan", 2, "Inferior to MRI and FDG in the spine."),
            _r(
                "gallium",
                2,
                "Inferior to MRI and FDG in the spine; ACR rates it may be appropriate, so either category is accepted.",
                2,
                6,
            ),
            _r(
                "bone-scan-spect",
                1,
                "Non-specific after surgery; ACR rates a three-phase bone scan may be appropriate, so either category is accepted.",
                1,
                6,
            ),
            _r("xr-dynamic", 1, NO_ROLE),
            _r(
                "ct-myelography",
                1,
                "Lumbar puncture through a possibly infected field; MRI answers the question.",
            ),
            _r("guided-injection", 1, NO_ROLE),
            _r("brain-mri-gd", 1, NO_ROLE),
            _r("brain-ct", 1, NO_ROLE),
            _r("ct-angiography", 1, NO_ROLE),
        ],
    },
    {
        "slug": "c7-rest-pain-rising-crp-after-discectomy",
        "code": "C.7",
        "title": "Severe back pain at rest 3 weeks after L5–S1 microdiscectomy; sciatica resolved; CRP high and rising",
        "presentation": (
            "Three weeks after an L5–S1 microdiscectomy the sciatica has gone but severe mechanical and resting back "
            "pain has appeared at the operated level, with paraspinal spasm. Fever is inconstant; the CRP is high "
            "and rising."
        ),
        "timing": "3 weeks",
        "days_since_surgery": 21,
        "surgeries": ["lumbar-discectomy"],
        "urgency": "urgent",
        "likely_diagnoses": ["spondylodiscitis", "epidural-abscess"],
        "other_diagnoses_text": (
            "Post-operative spondylodiscitis. Aseptic post-discectomy discitis (Modic reaction) gives the same MRI "
            "picture with negative cultures and cannot be separated reliably by imaging alone."
        ),
        "ideal_order": ["mri-gd", "biopsy"],
        "first_line": [{"mri-gd": 100, "mri": 100}],
        "conditional": {
            "biopsy": "if blood cultures are negative, ideally before antibiotics",
            "fdg-pet": "if MRI is equivocal or contraindicated",
            "ct-contrast": "if MRI is contraindicated",
        },
        "ideal_order_text": (
            "CRP + blood cultures → MRI with Gd → biopsy if no organism → antibiotics → follow clinically and with "
            "CRP. Repeat MRI only for clinical failure: MRI lags and may look worse early despite response."
        ),
        "radiation_note": "MRI none; CT-guided biopsy ☢☢☢.",
        "guideline_note": INFECTION_GUIDELINE_NOTE,
        "ratings": [
            _r(
                "mri-gd",
                9,
                "Disc fluid and enhancement, endplate erosion, oedema of both bodies, paravertebral or epidural phlegmon; their absence argues against infection.",
            ),
            _r("mri", 8, "STIR, DWI and T1 often strongly suggestive; Gd improves soft-tissue assessment."),
            _r(
                "biopsy",
                8,
                "CT-guided disc or endplate biopsy when blood cultures are negative, ideally before antibiotics.",
            ),
            _r(
                "fdg-pet",
                5,
                "If MRI is equivocal or contraindicated; high NPV; early post-op uptake confounds. Guidelines differ: either category accepted.",
                4,
                7,
            ),
            _r(
                "ct",
                3,
                "Erosions appear weeks after MRI changes; guides biopsy. The ACR infection topic rates it may be appropriate.",
                3,
                5,
            ),
            _r(
                "gallium",
                3,
                "Workable but slow and high-dose; superseded by FDG. ACR rates it may be appropriate: either category accepted.",
                3,
                6,
            ),
            _r("leukocyte-scan", 2, "Spinal infection is often photopenic ('hot' sensitivity about 39%)."),
            _r(
                "bone-scan-spect",
                2,
                "Non-specific after surgery. ACR rates a three-phase bone scan may be appropriate: either category accepted.",
                2,
                6,
            ),
            _r(
                "xr-standing",
                3,
                "Late and insensitive. The ACR infection topic rates radiographs may be appropriate.",
                3,
                5,
            ),
            _r("xr-dynamic", 1, NO_ROLE),
            _r(
                "ct-contrast",
                4,
                "MRI-contraindicated alternative (ACR: CT may be appropriate); shows collections better than bone.",
            ),
            _r(
                "ct-myelography",
                1,
                "Lumbar puncture through a possibly infected field; MRI answers the question.",
            ),
            _r("ultrasound", 1, "Cannot see the disc."),
            _r("guided-injection", 1, NO_ROLE),
            _r("brain-mri-gd", 1, NO_ROLE),
            _r("brain-ct", 1, NO_ROLE),
            _r("ct-angiography", 1, NO_ROLE),
        ],
    },
    {
        "slug": "c8-recurrent-sciatica-after-discectomy",
        "code": "C.8",
        "title": "Recurrent ipsilateral sciatica 6 months after L4–L5 discectomy, after a pain-free interval",
        "presentation": (
            "Six months after an L4–L5 discectomy that relieved the sciatica, radicular pain returns on the same "
            "side after a pain-free interval."
        ),
        "timing": "6 months",
        "days_since_surgery": 180,
        "surgeries": ["lumbar-discectomy"],
        "urgency": "non_urgent",
        "likely_diagnoses": ["recurrent-herniation", "epidural-fibrosis", "radiculitis"],
        "other_diagnoses_text": "Recurrent herniation versus epidural fibrosis (± radiculitis). Mixed lesions are common.",
        "ideal_order": ["mri-gd"],
        "first_line": [{"mri-gd": 100, "mri": 70}],
        "conditional": {
            "guided-injection": "to confirm the symptomatic root when imaging and symptoms disagree",
            "xr-dynamic": "if instability is suspected (back-pain-dominant, facet effusion)",
        },
        "ideal_order_text": (
            "MRI without and with Gd (T1 pre, T2, early T1 FS post) → surgery for concordant recurrent herniation; "
            "fibrosis alone → conservative care, root block, neuromodulation."
        ),
        "radiation_note": "None with MRI.",
        "guideline_note": VARIANT_5_NOTE,
        "ratings": [
            _r(
                "mri-gd",
                9,
                "Early post-contrast T1 fat-sat separates non-enhancing disc (rim only) from homogeneously enhancing scar (about 96% accuracy).",
            ),
            _r("mri", 7, "Enough when a large, typical recurrent herniation is obvious."),
            _r(
                "xr-standing",
                5,
                "Low yield for isolated radicular recurrence; useful if back pain or slip is suspected. ACR Variant 5 rates it usually appropriate.",
                5,
                7,
            ),
            _r("xr-dynamic", 4, "If instability is suspected (back-pain-dominant, facet effusion)."),
            _r("ct-contrast", 4, "MRI-contraindicated alternative; less accurate."),
            _r(
                "ct-myelography",
                4,
                "MRI-contraindicated alternative; shows compression but not scar versus disc.",
            ),
            _r("ct", 4, "Bony lateral recess or foramen; calcified fragment."),
            _r(
                "guided-injection",
                5,
                "Selective nerve root block confirms the symptomatic root; therapeutic trial.",
            ),
            _r("bone-scan-spect", 2, "No role for radicular pain."),
            _r("fdg-pet", 1, "No role without infectious signs."),
            _r("leukocyte-scan", 1, "No role without infectious signs."),
            _r("gallium", 1, "No role without infectious signs."),
            _r("biopsy", 1, "No role without infectious signs."),
            _r("ultrasound", 1, NO_ROLE),
            _r("brain-mri-gd", 1, NO_ROLE),
            _r("brain-ct", 1, NO_ROLE),
            _r("ct-angiography", 1, NO_ROLE),
        ],
    },
    {
        "slug": "c9-unchanged-leg-pain-after-discectomy",
        "code": "C.9",
        "title": "Leg pain identical to before surgery, never improved, day 7 after discectomy",
        "presentation": (
            "One week after a discectomy the leg pain is exactly as it was before surgery and has never improved, "
            "with no new deficit."
        ),
        "timing": "Day 7",
        "days_since_surgery": 7,
        "surgeries": ["lumbar-discectomy"],
        "urgency": "non_urgent",
        "likely_diagnoses": ["residual-herniation-wrong-level", "residual-recurrent-stenosis"],
        "other_diagnoses_text": "Residual or missed fragment, wrong level, untreated lateral recess stenosis.",
        "ideal_order": ["mri"],
        "first_line": [{"mri": 100}],
        "conditional": {
            "xr-standing": "to count levels (transitional vertebra) against the intraoperative images",
        },
        "ideal_order_text": (
            "Check the operative note and intraoperative images → MRI compared with pre-op (read cautiously) → if "
            "equivocal and no deficit, repeat MRI after about 6 weeks."
        ),
        "radiation_note": "None with MRI.",
        "guideline_note": VARIANT_5_NOTE,
        "ratings": [
            _r(
                "mri",
                7,
                "Compare with the pre-op MRI: level and side of the laminotomy, large residual fragment. Early post-op mass effect confounds.",
            ),
            _r(
                "mri-gd",
                5,
                "Can outline a fragment within granulation tissue, but early enhancement is confusing at day 7.",
                4,
                5,
            ),
            _r("ct", 5, "Bony recess or foraminal stenosis; level of the bony defect."),
            _r(
                "xr-standing",
                4,
                "Level count (transitional vertebra) to compare with intraoperative fluoroscopy.",
            ),
            _r("ct-myelography", 3, "Only if MRI is impossible."),
            _r("xr-dynamic", 1, NO_ROLE),
            _r("ct-contrast", 2, "Inferior to MRI."),
            _r("bone-scan-spect", 1, NO_ROLE),
            _r("fdg-pet", 1, NO_ROLE),
            _r("leukocyte-scan", 1, NO_ROLE),
            _r("gallium", 1, NO_ROLE),
            _r("biopsy", 1, NO_ROLE),
            _r("ultrasound", 1, NO_ROLE),
            _r("guided-injection", 1, NO_ROLE),
            _r("brain-mri-gd", 1, NO_ROLE),
            _r("brain-ct", 1, NO_ROLE),
            _r("ct-angiography", 1, NO_ROLE),
        ],
    },
    {
        "slug": "c10-back-pain-claudication-after-laminectomy",
        "code": "C.10",
        "title": "New mechanical back pain and neurogenic claudication 12 months after L4–L5 laminectomy without fusion",
        "presentation": (
            "A year after an L4–L5 laminectomy without fusion, which helped at first, mechanical back pain and "
            "neurogenic claudication appear."
        ),
        "timing": "12 months",
        "days_since_surgery": 365,
        "surgeries": ["decompression-for-stenosis"],
        "urgency": "non_urgent",
        "likely_diagnoses": [
            "iatrogenic-instability",
            "residual-recurrent-stenosis",
            "adjacent-segment-disease",
        ],
        "other_diagnoses_text": (
            "Iatrogenic instability or slip, pars or facet fracture, recurrent or adjacent stenosis, synovial cyst."
        ),
        "ideal_order": ["xr-standing", "xr-dynamic", "mri", "ct"],
        "first_line": [{"xr-standing": 100}, {"xr-dynamic": 100}, {"mri": 100}],
        "conditional": {
            "ct": "for a pars or facet fracture and surgical planning",
            "bone-scan-spect": "if CT is equivocal for a pars stress reaction or overloaded facets",
        },
        "ideal_order_text": "Standing + flexion-extension radiographs → MRI → CT (pars, facets, surgical planning).",
        "radiation_note": "Radiographs ☢☢☢ cumulative; CT ☢☢☢.",
        "guideline_note": VARIANT_5_NOTE,
        "ratings": [
            _r("xr-standing", 8, "New or progressive slip versus pre-op (supine MRI underestimates it)."),
            _r(
                "xr-dynamic",
                8,
                "Dynamic translation or angulation; thresholds vary (≥3–4 mm / ≥10° pragmatic; White–Panjabi stricter).",
            ),
            _r("mri", 8, "Restenosis, facet effusion, new synovial cyst, pars oedema, adjacent levels."),
            _r("ct", 7, "Pars or facet fracture, extent of facet resection, bony stenosis."),
            _r("bone-scan-spect", 5, "Pars stress reaction or overloaded facets when CT is equivocal."),
            _r("ct-myelography", 4, "If MRI is contraindicated; dynamic myelography possible."),
            _r(
                "mri-gd",
                4,
                "Not needed unless infection or a scar question arises (ACR Variant 5: usually appropriate, partial credit).",
            ),
            _r("fdg-pet", 1, NO_ROLE),
            _r("leukocyte-scan", 1, NO_ROLE),
            _r("gallium", 1, NO_ROLE),
            _r("biopsy", 1, NO_ROLE),
            _r("ct-contrast", 1, NO_ROLE),
            _r("ultrasound", 1, NO_ROLE),
            _r("guided-injection", 1, "Not a first-line test for claudication."),
            _r("brain-mri-gd", 1, NO_ROLE),
            _r("brain-ct", 1, NO_ROLE),
            _r(
                "ct-angiography",
                1,
                "Vascular claudication is a clinical differential, assessed first with pulses and Doppler.",
            ),
        ],
    },
    {
        "slug": "c11-pain-returning-after-fusion",
        "code": "C.11",
        "title": "Mechanical back pain returning 12–18 months after L4–S1 instrumented fusion; afebrile, CRP normal",
        "presentation": (
            "After a honeymoon period of relief, mechanical back pain returns 12–18 months after an L4–S1 "
            "instrumented fusion. No fever; CRP normal."
        ),
        "timing": "12–18 months",
        "days_since_surgery": 450,
        "surgeries": FUSIONS,
        "urgency": "non_urgent",
        "likely_diagnoses": [
            "pseudarthrosis",
            "hardware-loosening",
            "hardware-failure",
            "low-grade-implant-infection",
            "adjacent-segment-disease",
            "facet-joint-syndrome",
            "sij-pain",
        ],
        "other_diagnoses_text": (
            "Pseudarthrosis (including 'locked'), loosening, hardware failure, adjacent segment, facet or SIJ pain. "
            "A normal CRP does not exclude low-grade infection."
        ),
        "ideal_order": ["xr-standing", "xr-dynamic", "ct", "bone-scan-spect", "fdg-pet"],
        "first_line": [{"ct": 100}, {"xr-standing": 100, "xr-dynamic": 75}],
        "conditional": {
            "bone-scan-spect": "if CT is equivocal, to unmask a 'locked' pseudarthrosis",
            "fdg-pet": "before a revision, or if screw halos or a raised CRP suggest infection",
        },
        "ideal_order_text": (
            "Standing + dynamic radiographs → thin-slice CT → SPECT/CT if CT is equivocal (to unmask a 'locked' "
            "pseudarthrosis) → CRP ± FDG PET/CT before revision."
        ),
        "radiation_note": "CT ☢☢☢, SPECT/CT ☢☢☢, PET/CT ☢☢☢☢: watch the cumulative dose.",
        "guideline_note": (
            VARIANT_5_NOTE
            + " The dynamic 'fused' criterion (<3 mm and <5°) is uncertain: thresholds of 2–5° are used."
        ),
        "ratings": [
            _r(
                "ct",
                9,
                "With MAR: bridging bone (interbody and posterolateral), lucent clefts, vacuum, screw halos, broken metal.",
            ),
            _r(
                "xr-standing",
                8,
                "Alignment, broken rods or screws, progressive slip, subsidence; compare with baseline.",
            ),
            _r(
                "xr-dynamic",
                7,
                "Motion across the fused level (thresholds vary); often normal in a 'locked' nonunion.",
            ),
            _r(
                "bone-scan-spect",
                6,
                "If CT is equivocal: focal uptake = micromobility at the nonunion, loose screws, active facets or adjacent level.",
                5,
                7,
            ),
            _r(
                "fdg-pet",
                4,
                "Before revision, or if halos or a raised CRP are present: look for occult low-grade infection.",
                4,
                5,
            ),
            _r("mri", 5, "Adjacent segments and canal; artefact at the construct."),
            _r("biopsy", 3, "Only with a collection or strong suspicion of infection."),
            _r("mri-gd", 3, "Rarely adds at this stage."),
            _r("ct-myelography", 2, "Only for a canal question with MRI impossible."),
            _r("leukocyte-scan", 1, NO_ROLE),
            _r("gallium", 2, "FDG PET/CT is preferred to look for low-grade infection."),
            _r("ct-contrast", 2, "Adds little to CT without contrast for fusion."),
            _r("ultrasound", 1, NO_ROLE),
            _r(
                "guided-injection",
                2,
                "Later, to test a facet or SIJ pain generator once nonunion is excluded.",
            ),
            _r("brain-mri-gd", 1, NO_ROLE),
            _r("brain-ct", 1, NO_ROLE),
            _r("ct-angiography", 1, NO_ROLE),
        ],
    },
    {
        "slug": "c13-adjacent-level-pain-years-after-fusion",
        "code": "C.13",
        "title": "New L3 radicular pain and claudication 6 years after L4–L5 fusion",
        "presentation": (
            "Six years after a successful L4–L5 fusion the patient develops L3 radicular pain and neurogenic "
            "claudication."
        ),
        "timing": "6 years",
        "days_since_surgery": 2190,
        "surgeries": FUSIONS,
        "urgency": "non_urgent",
        "likely_diagnoses": ["adjacent-segment-disease", "sagittal-imbalance", "facet-joint-syndrome"],
        "other_diagnoses_text": "Adjacent segment disease at L3–L4: stenosis, herniation, instability, synovial cyst.",
        "ideal_order": ["xr-standing", "xr-dynamic", "mri", "ct"],
        "first_line": [{"mri": 100}, {"xr-standing": 100, "xr-dynamic": 75}],
        "conditional": {
            "ct": "if surgery is planned",
            "ct-myelography": "if MRI is contraindicated or artefact at the junction blocks the view",
        },
        "ideal_order_text": "Full-length standing + dynamic radiographs → MRI → CT if surgery is planned.",
        "radiation_note": "Radiographs ☢☢☢ (EOS lower); CT ☢☢☢ only for planning.",
        "guideline_note": VARIANT_5_NOTE,
        "ratings": [
            _r(
                "mri",
                8,
                "Adjacent disc, canal, foramina, facet effusion or cyst; little artefact above the construct.",
            ),
            _r(
                "xr-standing", 8, "Full-length: sagittal balance (PI–LL, SVA, PT), junctional kyphosis, slip."
            ),
            _r("xr-dynamic", 7, "Instability at the adjacent segment."),
            _r(
                "ct",
                6,
                "Bony foraminal stenosis, facet violation by the top screws, fusion status (for planning).",
            ),
            _r("ct-myelography", 5, "If MRI is contraindicated or artefact at the junction blocks the view."),
            _r("bone-scan-spect", 5, "Picks out the active degenerate facet or disc; guides injection."),
            _r(
                "mri-gd",
                4,
                "Only if a post-op scar or infection question arises (ACR Variant 5: partial credit).",
            ),
            _r("fdg-pet", 1, NO_ROLE),
            _r("leukocyte-scan", 1, NO_ROLE),
            _r("gallium", 1, NO_ROLE),
            _r("biopsy", 1, NO_ROLE),
            _r("ct-contrast", 1, NO_ROLE),
            _r("ultrasound", 1, NO_ROLE),
            _r(
                "guided-injection",
                3,
                "Only after imaging, to test a candidate pain generator before surgery.",
            ),
            _r("brain-mri-gd", 1, NO_ROLE),
            _r("brain-ct", 1, NO_ROLE),
            _r("ct-angiography", 1, NO_ROLE),
        ],
    },
    {
        "slug": "c14-sacral-pain-weeks-after-lumbosacral-fusion",
        "code": "C.14",
        "title": "New sacral or buttock pain 5 weeks after L4–S1 fusion in an osteoporotic 74-year-old woman",
        "presentation": (
            "A 74-year-old woman with osteoporosis develops new sacral or buttock pain, sometimes with radicular pain, "
            "5 weeks after an L4–S1 fusion."
        ),
        "timing": "5 weeks",
        "days_since_surgery": 35,
        "surgeries": FUSIONS,
        "urgency": "urgent",
        "likely_diagnoses": ["sacral-insufficiency-fracture", "hardware-loosening", "sij-pain"],
        "other_diagnoses_text": "Sacral insufficiency fracture below the construct (mean ~6 weeks); also S1 screw loosening, SIJ.",
        "ideal_order": ["ct", "mri"],
        "first_line": [{"ct": 100, "mri": 100}],
        "conditional": {
            "bone-scan-spect": "if MRI is contraindicated",
        },
        "ideal_order_text": (
            "CT → MRI if CT is negative and suspicion persists → bone-health work-up (DXA, treatment). MRI first is "
            "also accepted."
        ),
        "radiation_note": "CT ☢☢☢; MRI none.",
        "guideline_note": (
            "Sources differ on the first test: MRI is the most sensitive, CT shows the morphology and the relation to "
            "the S1 screws. Accept MRI or CT as the first answer."
        ),
        "ratings": [
            _r(
                "ct",
                9,
                "Lumbosacral spine and pelvis: fracture line next to the S1 screws, zone III extension, kyphosis or listhesis, screw purchase.",
                8,
                9,
            ),
            _r("mri", 9, "STIR/T1: the most sensitive test; marrow oedema, fracture line, root compression."),
            _r(
                "bone-scan-spect",
                6,
                "If MRI is contraindicated: H-pattern sacral uptake; expected post-op uptake confounds.",
            ),
            _r("xr-standing", 5, "Often normal; hardware check.", 5, 6),
            _r("mri-gd", 2, "No added value."),
            _r("fdg-pet", 2, "Not indicated without infectious features."),
            _r("xr-dynamic", 1, NO_ROLE),
            _r("ct-myelography", 1, NO_ROLE),
            _r("leukocyte-scan", 1, NO_ROLE),
            _r("gallium", 1, NO_ROLE),
            _r("biopsy", 1, NO_ROLE),
            _r("ct-contrast", 1, NO_ROLE),
            _r("ultrasound", 1, NO_ROLE),
            _r("guided-injection", 1, "Premature before a fracture is excluded."),
            _r("brain-mri-gd", 1, NO_ROLE),
            _r("brain-ct", 1, NO_ROLE),
            _r("ct-angiography", 1, NO_ROLE),
        ],
    },
    {
        "slug": "c15-sij-pain-after-fusion",
        "code": "C.15",
        "title": "Unilateral buttock and groin pain with positive SIJ provocation tests 1 year after solid L5–S1 fusion",
        "presentation": (
            "One year after a solid L5–S1 fusion the patient has unilateral buttock and groin pain, and the "
            "sacroiliac provocation tests are positive."
        ),
        "timing": "1 year",
        "days_since_surgery": 365,
        "surgeries": FUSIONS,
        "urgency": "non_urgent",
        "likely_diagnoses": ["sij-pain", "sacral-insufficiency-fracture"],
        "other_diagnoses_text": "SIJ pain (mechanical overload, graft-harvest breach, iliac screw); exclude a sacral fracture.",
        "ideal_order": ["guided-injection", "ct"],
        "first_line": [{"guided-injection": 100}, {"ct": 100, "bone-scan-spect": 100}],
        "conditional": {
            "mri": "to exclude a sacral fracture or active inflammation",
        },
        "ideal_order_text": (
            "The brief gives no ideal order for this scenario; from its ratings: image-guided anaesthetic SIJ block "
            "(reference test, also therapeutic), with CT or SPECT/CT to look at the joint and choose the target."
        ),
        "radiation_note": "CT ☢☢☢; the block needs fluoroscopic or CT guidance.",
        "guideline_note": "",
        "ratings": [
            _r(
                "guided-injection",
                8,
                "Image-guided anaesthetic SIJ block: reference test for the SIJ as pain generator; also therapeutic.",
            ),
            _r(
                "ct",
                6,
                "SIJ degeneration, iliac or S2AI screw crossing the joint, graft-harvest defect; fusion status.",
            ),
            _r(
                "bone-scan-spect",
                6,
                "Increased SIJ uptake after fusion is usually mechanical; supports the choice of target.",
            ),
            _r(
                "mri",
                5,
                "Pelvis/SIJ with STIR: active inflammation, stress reaction; excludes a sacral fracture.",
            ),
            _r("xr-standing", 5, "Pelvic radiograph: baseline degeneration, hardware."),
            _r("mri-gd", 3, "If sacroiliitis (infectious or inflammatory) is in question."),
            _r("fdg-pet", 2, "Not routinely."),
            _r("xr-dynamic", 1, NO_ROLE),
            _r("ct-myelography", 1, NO_ROLE),
            _r("leukocyte-scan", 1, NO_ROLE),
            _r("gallium", 1, NO_ROLE),
            _r("biopsy", 1, NO_ROLE),
            _r("ct-contrast", 1, NO_ROLE),
            _r("ultrasound", 1, NO_ROLE),
            _r("brain-mri-gd", 1, NO_ROLE),
            _r("brain-ct", 1, NO_ROLE),
            _r("ct-angiography", 1, NO_ROLE),
        ],
    },
    {
        "slug": "c16-burning-leg-pain-after-repeated-surgery",
        "code": "C.16",
        "title": "Constant burning bilateral leg pain and dysaesthesia after 3 lumbar operations, one with a dural tear",
        "presentation": (
            "After three lumbar operations, one complicated by a dural tear, the patient has constant burning, "
            "bilateral, non-dermatomal leg pain with dysaesthesia."
        ),
        "timing": "Months to years after the last operation",
        "days_since_surgery": 365,
        "surgeries": ALL_SURGERIES,
        "urgency": "non_urgent",
        "likely_diagnoses": ["arachnoiditis", "pseudomeningocele", "residual-recurrent-stenosis"],
        "other_diagnoses_text": "Arachnoiditis (± pseudomeningocele, residual stenosis).",
        "ideal_order": ["mri"],
        "first_line": [{"mri": 100}],
        "conditional": {
            "mri-gd": "to exclude infection or leptomeningeal disease",
            "ct-myelography": "if MRI is impossible",
        },
        "ideal_order_text": (
            "The brief gives no ideal order for this scenario; from its ratings: MRI with high-resolution axial T2 "
            "first, gadolinium only to exclude infection or leptomeningeal disease, CT myelography only if MRI is "
            "impossible."
        ),
        "radiation_note": "None with MRI.",
        "guideline_note": VARIANT_5_NOTE,
        "ratings": [
            _r(
                "mri",
                9,
                "High-resolution axial T2: Delamarter group 1 (central clumping), 2 ('empty sac'), 3 (intrathecal mass); loculations.",
            ),
            _r(
                "mri-gd",
                6,
                "Excludes infection or leptomeningeal disease; arachnoiditis enhancement is variable or mild.",
            ),
            _r("ct-myelography", 5, "If MRI is impossible: clumping, blunted sleeves, block."),
            _r("ct", 3, "Only for arachnoiditis ossificans (calcification)."),
            _r("fdg-pet", 2, "Not indicated without infection or tumour suspicion."),
            _r(
                "xr-standing",
                3,
                "Little to add for neuropathic pain; ACR Variant 5 lists radiographs for prior surgery.",
                3,
                4,
            ),
            _r("xr-dynamic", 3, "Only if instability is also suspected.", 3, 4),
            _r("bone-scan-spect", 1, NO_ROLE),
            _r("leukocyte-scan", 1, NO_ROLE),
            _r("gallium", 1, NO_ROLE),
            _r("biopsy", 1, NO_ROLE),
            _r("ct-contrast", 1, NO_ROLE),
            _r("ultrasound", 1, NO_ROLE),
            _r("guided-injection", 1, NO_ROLE),
            _r("brain-mri-gd", 1, NO_ROLE),
            _r("brain-ct", 1, NO_ROLE),
            _r("ct-angiography", 1, NO_ROLE),
        ],
    },
    {
        "slug": "c18-calf-pain-after-fusion",
        "code": "C.18",
        "title": "Calf pain and swelling on day 5 after fusion; the patient calls it 'sciatica'",
        "presentation": (
            "Five days after a lumbar fusion the patient complains of 'sciatica'; the calf is painful and swollen. "
            "No chest pain or breathlessness."
        ),
        "timing": "Day 5",
        "days_since_surgery": 5,
        "surgeries": FUSIONS,
        "urgency": "urgent",
        "likely_diagnoses": ["dvt-pe", "radiculitis"],
        "other_diagnoses_text": "Deep vein thrombosis (± pulmonary embolism) rather than radiculopathy.",
        "ideal_order": ["ultrasound"],
        "first_line": [{"ultrasound": 100}],
        "conditional": {
            "ct-angiography": "if there are chest symptoms (pulmonary embolism)",
        },
        "ideal_order_text": (
            "The brief gives no ideal order for this scenario; from its ratings: compression duplex ultrasound first; "
            "CT pulmonary angiography only if there are chest symptoms."
        ),
        "radiation_note": "None with ultrasound; CT pulmonary angiography only with chest symptoms.",
        "guideline_note": "",
        "ratings": [
            _r("ultrasound", 9, "Compression duplex ultrasound: first-line test for DVT."),
            _r(
                "ct-angiography",
                3,
                "CT pulmonary angiography is rated 8 with chest symptoms and 3 without; CT venography (iliac) 3 in selected cases.",
            ),
            _r("mri", 3, "Lumbar MRI only if a true radicular deficit coexists."),
            _r("xr-standing", 1, NO_ROLE),
            _r("xr-dynamic", 1, NO_ROLE),
            _r("ct", 1, NO_ROLE),
            _r("bone-scan-spect", 1, NO_ROLE),
            _r("fdg-pet", 1, NO_ROLE),
            _r("mri-gd", 1, NO_ROLE),
            _r("ct-contrast", 1, NO_ROLE),
            _r("ct-myelography", 1, NO_ROLE),
            _r("leukocyte-scan", 1, NO_ROLE),
            _r("gallium", 1, NO_ROLE),
            _r("biopsy", 1, NO_ROLE),
            _r("guided-injection", 1, NO_ROLE),
            _r("brain-mri-gd", 1, NO_ROLE),
            _r("brain-ct", 1, NO_ROLE),
        ],
    },
]

# Atlas entries and their schematic figures ------------------------------------------------------------------

_DRAWN_SURGERY = {
    "lumbar-discectomy": "discectomy",
    "decompression-for-stenosis": "laminectomy",
    "posterior-instrumented-fusion": "fusion",
    "interbody-fusion-plif-tlif": "tlif",
}


def _f(kind: str, finding_id: str, label: str, note: str = "") -> dict:
    """One finding drawn by imaging.schematic.render_figure (its id becomes an annotation id)."""
    return {"kind": kind, "id": finding_id, "label": label, "note": note}


# Drawing keys the renderer would otherwise infer from the findings: say them where the figure is made.
_DRAWING_EXTRAS = {
    "pseudomeningocele-sagittal-myelo-ct": {"contrast": "intrathecal"},
    "haematoma-axial-ct": {"window": "soft"},
    "deep-ssi-axial-ct-contrast": {"window": "soft"},
    "case-c3-sagittal-ct": {"window": "soft"},
}
_FINDING_EXTRAS = {
    ("spondylodiscitis-sagittal-t1gd", "epidural-phlegmon"): {"site": "ventral", "phlegmon": True},
}


def _drawing_extras(slug: str, modality: str, sequence: str) -> dict:
    extras = dict(_DRAWING_EXTRAS.get(slug, {}))
    if modality.startswith("ct") and "bone window" in sequence.lower():
        extras.setdefault("window", "bone")
    return extras


def _fig(
    slug: str,
    title: str,
    modality: str,
    plane: str,
    sequence: str,
    days: int,
    surgery: str,
    complications: list[str],
    caption: str,
    alt_text: str,
    *,
    style: str,
    findings: list[dict],
    level: str = "L4-L5",
    side: str = "left",
    labels: bool = False,
) -> dict:
    """A schematic figure; the drawing dict is passed verbatim to imaging.schematic.render_figure."""
    return {
        "slug": slug,
        "title": title,
        "modality": modality,
        "plane": plane,
        "sequence": sequence,
        "days_since_surgery": days,
        "surgery": surgery,
        "complications": complications,
        "caption": caption,
        "alt_text": alt_text,
        "drawing": {
            "view": plane,
            "style": style,
            "level": level,
            "surgery": _DRAWN_SURGERY[surgery],
            "side": side,
            "anatomy_labels": labels,
            "findings": [{**f, **_FINDING_EXTRAS.get((slug, f["id"]), {})} for f in findings],
            **_drawing_extras(slug, modality, sequence),
        },
    }


DISC = "lumbar-discectomy"
LAMI = "decompression-for-stenosis"
PSF = "posterior-instrumented-fusion"
TLIF = "interbody-fusion-plif-tlif"

ENTRIES = [
    # Normal post-operative appearances ------------------------------------------------------------------
    {
        "slug": "normal-mri-early-after-discectomy",
        "title": "Normal MRI in the first weeks after discectomy",
        "kind": "normal",
        "complication": None,
        "surgeries": [DISC, LAMI],
        "summary": (
            "In the first weeks after a discectomy, epidural soft tissue at the operated level often compresses the "
            "sac or root just like the original herniation ('pseudohernia'). This is expected healing, not a "
            "recurrence."
        ),
        "timing": "First days to about 6 months; mass effect mostly gone by 6 months",
        "urgency": "non_urgent",
        "presentation": (
            "An MRI done in the first weeks, for example because pain has not settled at once, shows oedema, blood "
            "and granulation tissue at the operated level. Read it against the clinical picture: without a new "
            "deficit, fever or a CRP that rises again, these findings are part of normal healing. Scar gradually "
            "replaces the early tissue over months."
        ),
        "red_flags": [
            "New or progressive motor deficit, saddle anaesthesia or sphincter dysfunction",
            "Fever, wound discharge, or a CRP that rises again or fails to fall",
            "Severe pain out of proportion to the surgery",
        ],
        "findings_by_modality": [
            {
                "modality": "mri",
                "text": (
                    "Epidural soft tissue with mass effect at the operated level on day-3 MRI in about 80% "
                    "('pseudohernia'); mass effect at the site of the original herniation in 38% at 3 weeks and 12% "
                    "at 3 months in asymptomatic patients. Also expected: a small dorsal epidural haematoma, seroma "
                    "with fluid-fluid levels, paraspinal muscle oedema, a posterior annular defect and tiny "
                    "susceptibility foci along the surgical tract. A fat graft is T1 bright and suppresses on fat-sat. "
                    "Modic 1-like endplate signal and disc T2 change can occur in asymptomatic patients."
                ),
            },
            {
                "modality": "mri-gd",
                "text": (
                    "Enhancement of the surgical tract (all patients at 6 weeks and 6 months in one series), scar, "
                    "posterior annulus, facets and muscles. Nerve root enhancement is common early (62% at 3 weeks in "
                    "Boden's series) and usually resolves by about 6 months; sources differ (0% at 6 months in one "
                    "series, about a third in another), so it matters only with matching symptoms. Disc and endplate "
                    "enhancement can be normal when there is no paravertebral or epidural inflammatory tissue and no "
                    "endplate destruction."
                ),
            },
            {
                "modality": "ct",
                "text": "Gas, fluid and blood in the surgical bed in the first days; small laminotomy defect on the operated side.",
            },
        ],
        "pitfalls": [
            "Scar, oedema and disc all enhance and exert mass effect before about 6 weeks: do not diagnose a recurrence on an early MRI.",
            "A pseudohernia is worrying only beyond about 3–6 months and with matching symptoms; about half are still present at 8 weeks (sources differ).",
            "An asymptomatic, even compressive, dorsal epidural haematoma is common on early MRI (15–60% depending on definition and timing).",
            "A residual disc bulge at a successful discectomy level is common in asymptomatic patients.",
            "Gelatin sponge or oxidised cellulose can hold gas and enhance at the rim, mimicking an abscess early on.",
        ],
        "differentials": [
            "Residual or recurrent herniation (non-enhancing centre, continuous with the disc, after a pain-free interval)",
            "Symptomatic epidural haematoma (new deficit)",
            "Epidural abscess or spondylodiscitis (rim-enhancing collection, paravertebral phlegmon, rising CRP)",
        ],
        "references": [
            REF_FLORIS,
            REF_NEURORAD_1996,
            REF_BODEN,
            REF_DEUTSCH,
            REF_SOKOLOWSKI,
            REF_VAN_GOETHEM,
        ],
        "scenarios": ["c9-unchanged-leg-pain-after-discectomy", "c1-deficit-within-24h-of-decompression"],
        "figures": [
            _fig(
                "normal-discectomy-sagittal-t2-day3",
                "Day 3 after L4–L5 discectomy: expected epidural tissue",
                "mri",
                "sagittal",
                "T2",
                3,
                DISC,
                [],
                "Post-op epidural tissue (pseudohernia) at L4–L5 compresses the sac like the original herniation. "
                "In a patient without a new deficit this is expected healing.",
                "Sagittal T2 schematic of the lumbar spine after L4–L5 discectomy: intermediate-signal epidural "
                "tissue behind the L4–L5 disc indents the dural sac.",
                style="mri_t2",
                findings=[
                    _f(
                        "pseudohernia",
                        "post-op-epidural-tissue",
                        "Post-op epidural tissue (pseudohernia)",
                        "Oedema, blood and granulation tissue; expected in the first weeks",
                    )
                ],
                labels=True,
            ),
            _fig(
                "normal-discectomy-axial-t1-fat-graft",
                "Day 3 after discectomy: fat graft and epidural tissue",
                "mri",
                "axial",
                "T1",
                3,
                DISC,
                [],
                "The fat graft in the laminotomy is T1 bright and would suppress on fat-sat, unlike blood. The "
                "post-op epidural tissue (pseudohernia) beside the root is expected.",
                "Axial T1 schematic at L4–L5 after left laminotomy: a bright fat graft fills the laminotomy window "
                "and intermediate-signal tissue lies in front of the left L5 root.",
                style="mri_t1",
                findings=[
                    _f(
                        "fat_graft",
                        "fat-graft",
                        "Fat graft (T1 bright)",
                        "Suppresses on fat-sat; blood does not",
                    ),
                    _f("pseudohernia", "post-op-epidural-tissue", "Post-op epidural tissue (pseudohernia)"),
                ],
            ),
            _fig(
                "normal-discectomy-axial-t1gd-week6",
                "Six weeks after discectomy: expected enhancement",
                "mri-gd",
                "axial",
                "T1 fat-sat post-Gd",
                42,
                DISC,
                [],
                "Enhancing granulation tissue around the root along the surgical tract is normal healing. Scar keeps "
                "enhancing for years and is not a sign of infection.",
                "Axial post-contrast fat-saturated T1 schematic at L4–L5, six weeks after left discectomy: "
                "homogeneously enhancing tissue surrounds the left L5 root without displacing the sac.",
                style="mri_t1_gd",
                findings=[
                    _f(
                        "epidural_fibrosis",
                        "enhancing-granulation",
                        "Enhancing granulation tissue",
                        "Homogeneous enhancement; envelops the root",
                    )
                ],
            ),
        ],
    },
    {
        "slug": "normal-after-instrumented-fusion",
        "title": "Normal appearance after instrumented fusion",
        "kind": "normal",
        "complication": None,
        "surgeries": FUSIONS,
        "summary": (
            "After an instrumented fusion the screws should sit within the pedicles and the cage should be centred on "
            "the baseline film; the graft consolidates over 6–12 months. Uptake in the fusion bed on bone scan or "
            "FDG PET in the first months is expected."
        ),
        "timing": "Baseline in the first days; solid fusion expected from about 12 months",
        "urgency": "non_urgent",
        "presentation": (
            "Post-operative imaging after fusion is read as a series: the baseline radiograph or CT is the reference "
            "for every later study. Most hardware complications are defined as change over time. The CRP peaks on "
            "days 2–3 (about 150 mg/L on average after PLIF) and then falls, reaching normal only 2–4 weeks after an "
            "instrumented fusion: judge the trajectory, not one value."
        ),
        "red_flags": [
            "A CRP that rises again or fails to fall after days 3–5",
            "New radicular deficit on waking",
            "Progressive lucency around screws, change in screw angle, cage movement or broken metal on follow-up",
        ],
        "findings_by_modality": [
            {
                "modality": "xr-standing",
                "text": (
                    "Hardware in a stable position versus baseline, graft maturing, cage settling of up to about "
                    "2 mm. PEEK cages are radiolucent: locate them by their marker beads."
                ),
            },
            {
                "modality": "ct",
                "text": (
                    "Early: gas and fluid in the bed, particulate graft, sclerosis of the decorticated facets; a thin "
                    "(<1 mm) lucency along a screw can be seen without loosening. Streak artefact is reduced with MAR "
                    "or high-keV virtual monoenergetic images. From about 12 months: continuous bridging bone through "
                    "and around the cage and across the posterolateral gutters on both sides."
                ),
            },
            {
                "modality": "bone-scan-spect",
                "text": (
                    "Increased uptake in the fusion bed, at the decorticated facets and at the iliac crest donor site "
                    "in the first months, often cited up to about 1 year (exact cut-off uncertain)."
                ),
            },
            {
                "modality": "fdg-pet",
                "text": (
                    "Uptake along the surgical tract and around fresh hardware for weeks to months; low-grade, diffuse, "
                    "symmetrical uptake around stable implants can persist. Read the non-attenuation-corrected images "
                    "near metal."
                ),
            },
        ],
        "pitfalls": [
            "Fusion cannot be declared reliably before about 6–12 months.",
            "Uptake at the fusion site on a bone scan at 4 months is normal remodelling, not pseudarthrosis.",
            "A dark beam-hardening band next to metal is not a loosening halo: compare with baseline and use MAR.",
            "rhBMP-2, if used, may cause transient endplate osteolysis around the cage in the first ~3 months.",
            "A PEEK cage invisible on radiographs has not been expelled: find its markers.",
        ],
        "differentials": [
            "Early cage migration or screw malposition (compare with baseline)",
            "Deep surgical site infection (CRP rising again, collection with a thick enhancing wall)",
        ],
        "references": [REF_SCREW_ANGLE, REF_MOK, REF_AL_RIYAMI, REF_SHAH, REF_CORONA],
        "scenarios": ["c11-pain-returning-after-fusion", "c2-radicular-deficit-after-screw-fixation"],
        "figures": [
            _fig(
                "normal-fusion-lateral-xr-baseline",
                "Baseline lateral radiograph after L4–L5 TLIF",
                "xr-standing",
                "sagittal",
                "",
                2,
                TLIF,
                [],
                "Screws and cage in expected position on the baseline film. Every later radiograph is compared with "
                "this one.",
                "Lateral radiograph schematic after L4–L5 TLIF: pedicle screws converge into the L4 and L5 bodies, "
                "joined by a rod; cage markers sit in the middle of the disc space.",
                style="xr",
                findings=[
                    _f(
                        "normal",
                        "baseline-position",
                        "Screws and cage in expected position",
                        "Baseline for all later comparisons",
                    )
                ],
                labels=True,
            ),
            _fig(
                "normal-fusion-sagittal-ct-12m",
                "Twelve months after L4–L5 TLIF: solid fusion",
                "ct",
                "sagittal",
                "bone window",
                365,
                TLIF,
                [],
                "Continuous bridging bone through the cage joins the L4 and L5 endplates, with no lucent cleft and no "
                "halo around the screws.",
                "Sagittal CT schematic in bone window, one year after L4–L5 TLIF: bone bridges the disc space through "
                "and around the cage; the screws have no surrounding lucency.",
                style="ct",
                findings=[_f("normal", "bridging-bone", "Continuous bridging bone through the cage")],
                labels=True,
            ),
            _fig(
                "normal-fusion-spect-4m",
                "Four months after fusion: expected uptake on bone SPECT",
                "bone-scan-spect",
                "sagittal",
                "",
                120,
                PSF,
                [],
                "Expected uptake in the fusion bed at 4 months reflects bone remodelling. It does not mean "
                "pseudarthrosis.",
                "Sagittal bone SPECT schematic four months after L4–L5 posterior fusion: moderate uptake over the "
                "fused segment.",
                style="spect",
                findings=[
                    _f(
                        "hot_spot",
                        "fusion-bed-uptake",
                        "Expected uptake in the fusion bed",
                        "Normal remodelling in the first months",
                    )
                ],
            ),
        ],
    },
    # Emergencies ----------------------------------------------------------------------------------------
    {
        "slug": "epidural-haematoma",
        "title": "Symptomatic epidural haematoma",
        "kind": "complication",
        "complication": "epidural-haematoma",
        "surgeries": ALL_SURGERIES,
        "summary": (
            "Bleeding into the closed epidural space after surgery that compresses the dural sac and causes a new "
            "deficit or a cauda equina syndrome. The deficit, not the size of the collection, makes it an emergency."
        ),
        "timing": "Hours to days; most within 5 days, can be later",
        "urgency": "emergency",
        "presentation": (
            "Severe pain out of proportion to the surgery, then a new, progressive motor deficit, saddle "
            "anaesthesia and sphincter dysfunction, usually within hours (median onset about 2.7 h in one series). "
            "Risk factors: anticoagulant or antiplatelet drugs, multilevel surgery, age over 60, obesity, "
            "perioperative transfusion, revision surgery and dural tear repair. Symptomatic haematoma is rare "
            "(about 0.1–0.3%), whereas silent haematomas are common."
        ),
        "red_flags": [
            "New or progressive motor deficit",
            "Saddle anaesthesia",
            "Urinary retention with a raised post-void residual, or incontinence",
            "Bilateral sciatica",
            "Pain out of proportion to the surgery",
        ],
        "findings_by_modality": [
            {
                "modality": "mri",
                "text": (
                    "First line, no contrast needed. Dorsal (sometimes ventral) biconvex collection tapering at its "
                    "ends, often over about two levels, compressing the dural sac. Maximum compression can sit at an "
                    "adjacent, non-decompressed level (28%). Signal is less predictable than in the brain: an acute "
                    "spinal haematoma is usually T2 bright or mixed, so never require T2 dark signal. Include the conus."
                ),
            },
            {
                "modality": "ct",
                "text": (
                    "If MRI is unavailable or contraindicated: hyperdense epidural collection. Limited for the degree "
                    "of neural compression; artefacts interfere."
                ),
            },
            {
                "modality": "mri-gd",
                "text": "Not needed acutely. No central enhancement; a thin peripheral rim or an enhancing dura may be seen.",
            },
            {
                "modality": "ct-myelography",
                "text": "Only if MRI is impossible and CT is inconclusive: a lumbar puncture near a fresh surgical field is undesirable.",
            },
        ],
        "pitfalls": [
            "Calling a silent haematoma an emergency: asymptomatic compressive haematomas are common on early MRI (15–60% depending on definition and timing).",
            "A dural sac area <75 mm² separated symptomatic from silent haematomas in one small study only; the deficit decides, not the number.",
            "Requiring a T2 dark collection: acute spinal haematomas are usually T2 bright or mixed.",
            "Ordering MRI with gadolinium first: it is slower and not needed to see a haematoma.",
            "Post-operative urinary retention alone is not a cauda equina syndrome.",
            "With a clear-cut progressive deficit, going to theatre without imaging is acceptable; evacuation within about 6 h gives better recovery.",
        ],
        "differentials": [
            "Seroma (fluid signal, no blood products)",
            "Pseudomeningocele (CSF signal, communicates with the sac)",
            "Epidural abscess (rim enhancement, DWI restriction, later timing)",
            "Retained haemostatic material",
            "Fat graft (T1 bright, suppresses on fat-sat; blood does not)",
            "Retained or migrated disc fragment",
        ],
        "references": [REF_SOKOLOWSKI, REF_SAC_AREA, REF_NSQIP_SEH, REF_SPINEJ_SEH, REF_INSIGHTS_2015],
        "scenarios": [
            "c1-deficit-within-24h-of-decompression",
            "c3-paraplegia-sensory-level-after-lumbar-surgery",
        ],
        "figures": [
            _fig(
                "haematoma-sagittal-t2",
                "Hours after L4–L5 laminectomy: dorsal epidural haematoma",
                "mri",
                "sagittal",
                "T2",
                0,
                LAMI,
                ["epidural-haematoma"],
                "A dorsal epidural haematoma spans about two levels behind the sac and compresses it. With a new "
                "deficit this is an emergency.",
                "Sagittal T2 schematic after L4–L5 laminectomy: a biconvex collection of mixed bright signal lies "
                "behind the dural sac from L4 to L5 and narrows the sac.",
                style="mri_t2",
                findings=[
                    _f(
                        "epidural_haematoma",
                        "dorsal-haematoma",
                        "Dorsal epidural haematoma",
                        "Biconvex, tapering ends, compressing the sac",
                    )
                ],
                labels=True,
            ),
            _fig(
                "haematoma-axial-t2",
                "Hours after L4–L5 laminectomy: axial view of the haematoma",
                "mri",
                "axial",
                "T2",
                0,
                LAMI,
                ["epidural-haematoma"],
                "The dorsal epidural haematoma flattens the dural sac from behind; the roots are crowded in front.",
                "Axial T2 schematic at L4–L5 after laminectomy: a dorsal epidural collection of mixed signal fills the "
                "laminectomy bed and flattens the dural sac forwards.",
                style="mri_t2",
                findings=[
                    _f(
                        "epidural_haematoma",
                        "dorsal-haematoma",
                        "Dorsal epidural haematoma",
                        "Flattens the sac; the deficit defines the emergency",
                    )
                ],
                labels=True,
            ),
            _fig(
                "haematoma-axial-ct",
                "CT when MRI is not available: hyperdense epidural collection",
                "ct",
                "axial",
                "soft-tissue window",
                0,
                LAMI,
                ["epidural-haematoma"],
                "A hyperdense epidural collection sits in the laminectomy bed. CT shows it but judges the neural "
                "compression poorly.",
                "Axial CT schematic in soft-tissue window at L4–L5 after laminectomy: a dense crescent behind the "
                "dural sac in the laminectomy bed.",
                style="ct",
                findings=[
                    _f(
                        "epidural_haematoma",
                        "hyperdense-collection",
                        "Hyperdense epidural collection",
                        "Use only if MRI is unavailable or would delay surgery",
                    )
                ],
            ),
        ],
    },
    {
        "slug": "cord-ischaemia",
        "title": "Spinal cord or conus ischaemia",
        "kind": "complication",
        "complication": "cord-ischaemia",
        "surgeries": ALL_SURGERIES,
        "summary": (
            "Rare infarction of the lower cord or conus after lumbar surgery: an acute paraplegia with a sensory "
            "level that does not match the operated level. First exclude a compressive haematoma, which is far more "
            "frequent."
        ),
        "timing": "During surgery to the first days",
        "urgency": "emergency",
        "presentation": (
            "Acute paraplegia, flaccid at first, with a sensory level and bladder dysfunction. In an anterior spinal "
            "artery syndrome, motor function and pain and temperature sensation are lost below the level while "
            "proprioception and vibration are preserved. The deficit does not match the operated level. Mechanisms: "
            "hypotension, prone positioning with abdominal compression, injury to a radiculomedullary artery (the "
            "artery of Adamkiewicz usually arises on the left between T9 and T12, occasionally down to L1–L2, rarely "
            "as low as L4), embolism including cement, or surgery at the thoracolumbar junction."
        ),
        "red_flags": [
            "Sensory level above the operated segment",
            "Flaccid paraplegia with sphincter dysfunction",
            "Dissociated sensory loss (vibration and proprioception spared)",
        ],
        "findings_by_modality": [
            {
                "modality": "mri",
                "text": (
                    "Image the whole thoracic and lumbar cord including the conus, urgently. First exclude compression "
                    "(haematoma, hardware). Axial T2: bilateral round hyperintensities in the anterior horns ('owl "
                    "eyes'). Sagittal T2: thin pencil-like hyperintensity over several segments, mild swelling. DWI "
                    "restriction is the earliest sign. T2 signal in the adjacent vertebral body (infarct) supports "
                    "ischaemia. MRI can be normal in the first hours: repeat at 24–72 h if suspicion persists."
                ),
            },
            {
                "modality": "mri-gd",
                "text": "Enhancement, if any, appears in the subacute phase (days to weeks); useful for differentials such as myelitis or tumour.",
            },
            {
                "modality": "ct-angiography",
                "text": "If vascular injury, dissection or hypotension from an anterior approach is suspected.",
            },
        ],
        "pitfalls": [
            "Compressive haematoma is far more frequent: exclude it first.",
            "Imaging only the operated lumbar levels: image the conus and lower thoracic cord.",
            "Owl eyes are not specific: also spondylotic myelopathy, old contusion, myelitis, Hirayama disease, motor neurone disease.",
            "'Snake eyes' was described in compressive myelopathy: do not treat it as a synonym for infarction.",
            "Conus infarction can mimic a cauda equina syndrome: check the conus on T2 and DWI when no compression is found.",
        ],
        "differentials": [
            "Compressive epidural haematoma extending cranially",
            "Hardware or retropulsed cage compressing the canal",
            "Unsuspected thoracic compressive lesion",
            "Myelitis",
        ],
        "references": [REF_OWL, REF_CONUS, REF_CORD_OUTCOME],
        "scenarios": [
            "c3-paraplegia-sensory-level-after-lumbar-surgery",
            "c1-deficit-within-24h-of-decompression",
        ],
        "figures": [
            _fig(
                "cord-ischaemia-sagittal-t2",
                "Day 1 after lumbar surgery: pencil-like signal in the conus",
                "mri",
                "sagittal",
                "T2",
                1,
                LAMI,
                ["cord-ischaemia"],
                "A pencil-like T2 hyperintensity runs through the lower cord and conus, above the operated level, with "
                "no compressive collection.",
                "Sagittal T2 schematic of the thoracolumbar spine after L4–L5 laminectomy: a thin vertical bright line "
                "in the lower cord and conus; the canal at the operated level is not compressed.",
                style="mri_t2",
                findings=[
                    _f(
                        "cord_ischaemia",
                        "conus-t2-signal",
                        "Pencil-like T2 signal in the conus",
                        "Above the operated level; check DWI",
                    )
                ],
                labels=True,
            ),
            _fig(
                "cord-ischaemia-axial-t2",
                "Day 1 after lumbar surgery: owl eyes in the conus",
                "mri",
                "axial",
                "T2",
                1,
                LAMI,
                ["cord-ischaemia"],
                "Owl eyes: paired bright dots in the anterior horns of the grey matter. Classic for anterior spinal "
                "artery infarction, but not specific.",
                "Axial T2 schematic through the conus: two small symmetrical bright dots in the front of the cord.",
                style="mri_t2",
                findings=[
                    _f(
                        "cord_ischaemia",
                        "owl-eyes",
                        "Owl eyes (anterior horns)",
                        "Bilateral anterior horn T2 signal",
                    )
                ],
            ),
        ],
    },
    {
        "slug": "pedicle-screw-breach",
        "title": "Pedicle screw malposition (breach)",
        "kind": "complication",
        "complication": "screw-malposition",
        "surgeries": FUSIONS,
        "summary": (
            "A screw that breaches the pedicle wall. Medial and inferior breaches threaten the root of the same "
            "level (an L4 screw threatens the L4 root); anterior breaches threaten vessels. CT with MAR is the "
            "reference."
        ),
        "timing": "Present from surgery; symptoms on waking",
        "urgency": "emergency",
        "presentation": (
            "New radicular pain or weakness on waking, in the distribution of the root next to the breach. An "
            "anterior breach is usually silent but can injure the aorta or IVC (L1–L4), the iliac vessels (L4–S1), "
            "or the L5 root or internal iliac vessels on the sacral ala (S1 screws). Cement-augmented screws can "
            "leak cement into the canal, foramen or veins."
        ),
        "red_flags": [
            "New motor deficit in the territory of the screw's root",
            "Haemodynamic instability (anterior breach, vascular injury)",
            "Breathlessness after cement augmentation (cement embolism)",
        ],
        "findings_by_modality": [
            {
                "modality": "ct",
                "text": (
                    "Reference. Thin slices, bone and soft-tissue kernels, reformats along each screw axis. Grade with "
                    "Gertzbein–Robbins: A = 0 mm, B <2 mm, C 2 to <4 mm, D 4 to <6 mm, E ≥6 mm. Breaches under 2 mm are "
                    "usually acceptable; in the original study breaches over 4 mm were linked to deficit. Look for "
                    "cement in the canal, foramen, veins and at the lung bases."
                ),
            },
            {
                "modality": "xr-standing",
                "text": "Gross screw and cage position and a baseline for follow-up; insensitive for breach.",
            },
            {
                "modality": "mri",
                "text": "When CT does not explain the deficit: haematoma, retained disc, root compression. Artefact next to screws.",
            },
        ],
        "pitfalls": [
            "Blooming and beam hardening overstate breaches: use MAR or high-keV images and measure on the reformat along the screw.",
            "A medial breach of about 1 mm rarely explains pain: correlate with the dermatome and EMG.",
            "The lateral breach is mostly harmless in the lumbar spine; inferior and medial breaches threaten roots, anterior breaches vessels.",
            "A breach can be silent: fewer than 5% of misplaced screws are said to cause symptoms (a quoted figure; uncertain).",
            "The root at risk from a medial or inferior breach at pedicle N is root N (L4 screw → L4 root, not L5).",
        ],
        "differentials": [
            "Cage retropulsion",
            "Epidural haematoma",
            "Residual disc or root injury (radiculitis)",
        ],
        "references": [REF_GERTZBEIN, REF_INSIGHTS_2015, REF_CORONA],
        "scenarios": ["c2-radicular-deficit-after-screw-fixation"],
        "figures": [
            _fig(
                "screw-breach-axial-ct",
                "Day 1 after L4–L5 fusion: medial breach of the left L4 screw",
                "ct",
                "axial",
                "bone window",
                1,
                PSF,
                ["screw-malposition"],
                "Medial pedicle breach: the left L4 screw crosses the medial wall of the pedicle into the lateral "
                "recess, where the L4 root runs under the pedicle. Measure the breach on a reformat along the screw.",
                "Axial CT schematic in bone window through the L4 pedicles: the left screw passes through the medial "
                "pedicle wall into the canal; the right screw stays inside its pedicle.",
                style="ct",
                findings=[
                    _f(
                        "screw_breach_medial",
                        "medial-breach",
                        "Medial pedicle breach",
                        "Left L4 screw in the lateral recess; threatens the L4 root",
                    )
                ],
                labels=True,
            ),
            _fig(
                "screw-breach-lateral-xr",
                "Day 1 after L4–L5 fusion: radiograph looks acceptable",
                "xr-standing",
                "sagittal",
                "",
                1,
                PSF,
                ["screw-malposition"],
                "On the lateral radiograph the gross screw position looks acceptable; radiographs miss most breaches, "
                "so CT is needed for a new deficit.",
                "Lateral radiograph schematic after L4–L5 posterior fusion: pedicle screws in L4 and L5 joined by a "
                "rod, with no obvious malposition.",
                style="xr",
                findings=[
                    _f(
                        "normal",
                        "gross-position",
                        "Gross screw position looks acceptable",
                        "Radiographs are insensitive for breach",
                    )
                ],
            ),
        ],
    },
    {
        "slug": "cage-retropulsion",
        "title": "Cage migration and retropulsion",
        "kind": "complication",
        "complication": "cage-migration",
        "surgeries": [TLIF],
        "summary": (
            "An interbody cage moving backwards into the canal or foramen, usually within the first ~3 months, with "
            "new radicular pain. CT first; MRI if CT does not explain the symptoms."
        ),
        "timing": "Immediate (malposition); migration mostly within the first ~3 months",
        "urgency": "urgent",
        "presentation": (
            "New radicular pain or deficit after a PLIF or TLIF, on waking (malposition) or in the following weeks "
            "(migration). With a cauda equina syndrome it is an emergency."
        ),
        "red_flags": ["New motor deficit", "Cauda equina signs", "Progressive radicular pain"],
        "findings_by_modality": [
            {
                "modality": "ct",
                "text": (
                    "Cage position relative to the posterior vertebral line, posterior migration into the canal or "
                    "foramen, endplate breach, over- or undersized cage. PEEK cages are radiolucent: judge them by "
                    "their marker beads."
                ),
            },
            {
                "modality": "xr-standing",
                "text": "Marker beads compared with the baseline film show migration over time.",
            },
            {
                "modality": "mri",
                "text": "If CT does not explain the symptoms: root or sac compression, haematoma, residual disc.",
            },
        ],
        "pitfalls": [
            "A PEEK cage invisible on radiographs has not been expelled: find its markers.",
            "Early settling of up to about 2 mm is expected; migration is movement out of the disc space.",
            "Always compare with the baseline radiograph or CT.",
        ],
        "differentials": [
            "Pedicle screw breach",
            "Epidural haematoma",
            "Cage subsidence with foraminal narrowing",
        ],
        "references": [REF_INSIGHTS_2015, REF_CORONA],
        "scenarios": ["c2-radicular-deficit-after-screw-fixation", "c1-deficit-within-24h-of-decompression"],
        "figures": [
            _fig(
                "cage-retropulsion-sagittal-ct",
                "Three weeks after L4–L5 TLIF: cage retropulsed into the canal",
                "ct",
                "sagittal",
                "bone window",
                21,
                TLIF,
                ["cage-migration"],
                "The cage retropulsed into the canal: its posterior marker lies behind the posterior vertebral line "
                "and narrows the canal.",
                "Sagittal CT schematic after L4–L5 TLIF: the interbody cage has moved backwards so that its back edge "
                "projects into the spinal canal.",
                style="ct",
                findings=[
                    _f(
                        "cage_retropulsion",
                        "retropulsed-cage",
                        "Cage retropulsed into the canal",
                        "Behind the posterior vertebral line",
                    )
                ],
                labels=True,
            ),
            _fig(
                "cage-retropulsion-sagittal-t2",
                "Three weeks after L4–L5 TLIF: sac compressed by the cage",
                "mri",
                "sagittal",
                "T2",
                21,
                TLIF,
                ["cage-migration"],
                "MRI shows the retropulsed cage compressing the dural sac, when CT alone does not explain the "
                "symptoms.",
                "Sagittal T2 schematic after L4–L5 TLIF: the dark cage protrudes backwards from the disc space and "
                "indents the front of the dural sac.",
                style="mri_t2",
                findings=[
                    _f(
                        "cage_retropulsion",
                        "retropulsed-cage",
                        "Retropulsed cage compressing the sac",
                    )
                ],
            ),
        ],
    },
    # CSF and fluid ---------------------------------------------------------------------------------------
    {
        "slug": "csf-leak-pseudomeningocele",
        "title": "Dural tear, CSF leak and pseudomeningocele",
        "kind": "complication",
        "complication": "pseudomeningocele",
        "surgeries": ALL_SURGERIES,
        "summary": (
            "A missed or failed dural repair lets CSF escape into an extradural collection that communicates with "
            "the sac (pseudomeningocele), or out through the wound. CSF loss can cause intracranial hypotension."
        ),
        "timing": "Days to weeks",
        "urgency": "urgent",
        "presentation": (
            "Orthostatic headache (worse upright, eased lying down) with nausea, dizziness, neck pain, tinnitus or "
            "photophobia; clear wound drainage (β2-transferrin confirms CSF); a fluctuant swelling that may grow with "
            "coughing; recurrent radicular pain if roots herniate into the collection. Incidental durotomy occurs "
            "in roughly 3–9% of primary procedures and more often in revisions (figures vary between series)."
        ),
        "red_flags": [
            "Clear fluid leaking from the wound (meningitis risk)",
            "Fever or neck stiffness",
            "Reduced consciousness or focal signs (subdural haematoma)",
        ],
        "findings_by_modality": [
            {
                "modality": "mri",
                "text": (
                    "Collection with CSF signal on every sequence, usually dorsal, herniating through the laminectomy "
                    "defect and communicating with the dural sac through a neck or jet; roots may herniate into it; a "
                    "thin smooth rim may enhance but there is no thick wall. Heavily T2-weighted MR myelography shows "
                    "the communication."
                ),
            },
            {
                "modality": "brain-mri-gd",
                "text": (
                    "Intracranial hypotension (SEEPS): subdural collections, enhancing pachymeninges, engorged venous "
                    "sinuses, pituitary enlargement, sagging brain. The Bern score weighs these signs (high probability "
                    "at 5 or more of 9 points)."
                ),
            },
            {
                "modality": "ct-myelography",
                "text": "Contrast filling the collection proves the communication and locates the leak; delayed or dynamic images find occult leaks.",
            },
            {
                "modality": "ultrasound",
                "text": "Confirms superficial fluid and guides aspiration, but cannot show the dural communication.",
            },
        ],
        "pitfalls": [
            "A pseudomeningocele is not a seroma: it communicates with the sac, contains CSF and can cause headache and root herniation.",
            "Pachymeningeal enhancement can be absent in a proven post-laminectomy leak.",
            "Needling a pseudomeningocele in an afebrile patient risks infection and a fistula.",
            "Brain MRI with gadolinium, not brain CT, is the test for intracranial hypotension; CT only to exclude a haemorrhage urgently.",
        ],
        "differentials": [
            "Seroma (no communication, no headache)",
            "Abscess (thick enhancing wall, DWI restriction, clinical signs)",
            "Haematoma",
        ],
        "references": [REF_PSEUDOMENINGOCELE, REF_INSIGHTS_2015, REF_SIH],
        "scenarios": [
            "c4-orthostatic-headache-after-surgery",
            "c5-fluctuant-swelling-day-10",
            "c16-burning-leg-pain-after-repeated-surgery",
        ],
        "figures": [
            _fig(
                "pseudomeningocele-sagittal-t2",
                "Two weeks after L4–L5 laminectomy: pseudomeningocele",
                "mri",
                "sagittal",
                "T2 (heavily T2-weighted)",
                14,
                LAMI,
                ["pseudomeningocele", "csf-leak"],
                "A pseudomeningocele with CSF signal bulges through the laminectomy defect and connects to the dural "
                "sac through a narrow neck.",
                "Sagittal T2 schematic after L4–L5 laminectomy: a bright fluid collection behind the spine, joined to "
                "the dural sac by a thin neck through the laminectomy gap.",
                style="mri_t2",
                findings=[
                    _f(
                        "pseudomeningocele",
                        "pseudomeningocele",
                        "Pseudomeningocele",
                        "CSF signal; communicates with the sac through a neck",
                    )
                ],
                labels=True,
            ),
            _fig(
                "pseudomeningocele-axial-t2",
                "Two weeks after L4–L5 laminectomy: axial view of the pseudomeningocele",
                "mri",
                "axial",
                "T2",
                14,
                LAMI,
                ["pseudomeningocele"],
                "The pseudomeningocele lies in the laminectomy bed and paraspinal tissue; a neck joins it to the "
                "dural sac.",
                "Axial T2 schematic at L4–L5 after laminectomy: a bright collection behind the sac extends through the "
                "bony defect into the soft tissues and touches the back of the sac.",
                style="mri_t2",
                findings=[
                    _f(
                        "pseudomeningocele",
                        "pseudomeningocele",
                        "Pseudomeningocele",
                        "Same signal as CSF on every sequence",
                    )
                ],
                labels=True,
            ),
            _fig(
                "pseudomeningocele-sagittal-myelo-ct",
                "CT myelography before repair: contrast fills the collection",
                "ct-myelography",
                "sagittal",
                "delayed images",
                30,
                LAMI,
                ["pseudomeningocele", "csf-leak"],
                "Contrast fills the collection from the sac, which proves the dural communication and locates the "
                "leak before a targeted repair.",
                "Sagittal CT myelogram schematic after L4–L5 laminectomy: dense contrast in the dural sac continues "
                "into a collection behind the spine.",
                style="ct",
                findings=[
                    _f(
                        "pseudomeningocele",
                        "contrast-filled-collection",
                        "Contrast fills the collection",
                        "Proves communication with the sac",
                    )
                ],
            ),
        ],
    },
    {
        "slug": "seroma",
        "title": "Seroma",
        "kind": "complication",
        "complication": "seroma",
        "surgeries": ALL_SURGERIES,
        "summary": (
            "Sterile serous fluid in the surgical dead space, very common in the first weeks. It does not "
            "communicate with the dural sac and shrinks over weeks."
        ),
        "timing": "First weeks",
        "urgency": "non_urgent",
        "presentation": (
            "A painless, fluctuant swelling under the scar in an afebrile patient whose CRP is falling, or an "
            "incidental collection on an early MRI. Most resolve without treatment. rhBMP-2 can cause large seromas "
            "with swelling around the cage."
        ),
        "red_flags": [
            "Fever or a CRP that rises again",
            "Wound discharge, redness or dehiscence",
            "Orthostatic headache or clear wound fluid (CSF)",
        ],
        "findings_by_modality": [
            {
                "modality": "mri",
                "text": (
                    "T2 bright, T1 dark or slightly bright (protein), sometimes with fluid-fluid levels; no "
                    "communication with the dural sac; usually no restricted diffusion."
                ),
            },
            {
                "modality": "mri-gd",
                "text": "A thin smooth rim of enhancement is allowed; a thick or irregular wall suggests infection.",
            },
            {
                "modality": "ultrasound",
                "text": "Confirms superficial fluid and its size; guides aspiration if needed.",
            },
        ],
        "pitfalls": [
            "Features favouring infection: thick or irregular enhancing wall, DWI restriction, enlargement, extension into the epidural space or disc, marrow oedema, new or increasing gas, a sinus tract, fever or CRP rise.",
            "Aspiration decides when infection is suspected, but avoid needling an afebrile collection that may be CSF.",
            "A retained sponge (textiloma) can mimic an abscess or tumour.",
        ],
        "differentials": ["Pseudomeningocele", "Deep surgical site infection or abscess", "Haematoma"],
        "references": [REF_INSIGHTS_2015, REF_CORONA],
        "scenarios": ["c5-fluctuant-swelling-day-10"],
        "figures": [
            _fig(
                "seroma-sagittal-t2",
                "Day 10 after L4–L5 laminectomy: seroma",
                "mri",
                "sagittal",
                "T2",
                10,
                LAMI,
                ["seroma"],
                "A seroma with fluid signal fills the dead space above the fascia and does not connect with the "
                "dural sac.",
                "Sagittal T2 schematic after L4–L5 laminectomy: a bright fluid collection in the soft tissues behind "
                "the spine, separate from the dural sac.",
                style="mri_t2",
                findings=[
                    _f("seroma", "seroma", "Seroma", "Fluid signal, no communication with the dural sac")
                ],
                labels=True,
            ),
            _fig(
                "seroma-axial-t2",
                "Day 10 after L4–L5 laminectomy: axial view of the seroma",
                "mri",
                "axial",
                "T2",
                10,
                LAMI,
                ["seroma"],
                "The seroma lies in the surgical bed with a thin wall and no neck towards the dural sac.",
                "Axial T2 schematic at L4–L5 after laminectomy: an oval bright collection in the posterior soft "
                "tissues, separated from the dural sac.",
                style="mri_t2",
                findings=[_f("seroma", "seroma", "Seroma", "Thin wall; no neck to the sac")],
                labels=True,
            ),
        ],
    },
    # Infection -------------------------------------------------------------------------------------------
    {
        "slug": "deep-surgical-site-infection",
        "title": "Deep surgical site infection after fusion",
        "kind": "complication",
        "complication": "deep-ssi",
        "surgeries": ALL_SURGERIES,
        "summary": (
            "Infection deep to the fascia, typically 2–4 weeks after surgery, with increasing pain, wound "
            "discharge and a CRP that rises again. MRI with gadolinium shows the depth and extent."
        ),
        "timing": "Usually 2–4 weeks, up to ~3 months",
        "urgency": "urgent",
        "presentation": (
            "Pain increasing after an initial improvement, usually 2–4 weeks after surgery; wound drainage, redness "
            "or dehiscence; fever is inconstant; the CRP rises again or fails to fall. The incidence is below 1% "
            "after discectomy or decompression and about 2–5% after instrumented fusion. Staphylococcus aureus is "
            "the commonest early organism."
        ),
        "red_flags": [
            "New neurological deficit (epidural abscess: emergency)",
            "Sepsis or rigors",
            "CRP rising again or failing to fall",
            "Wound discharge or dehiscence",
        ],
        "findings_by_modality": [
            {
                "modality": "mri-gd",
                "text": (
                    "With a metal-artefact protocol (STIR or Dixon, FSE, high bandwidth, DWI): collection deep to the "
                    "fascia with a thick enhancing wall, paraspinal phlegmon, epidural extension (abscess = "
                    "peripherally enhancing fluid; phlegmon = homogeneously enhancing tissue), disc or endplate "
                    "involvement, fluid around rods and screws. The surgical bed alone is the commonest pattern."
                ),
            },
            {
                "modality": "ct-contrast",
                "text": "When MRI is contraindicated or ruined by artefact: collections and gas; plans drainage.",
            },
            {
                "modality": "fdg-pet",
                "text": (
                    "Problem-solver when MRI or CT is inconclusive; early post-op uptake lowers specificity, so judge "
                    "pattern and intensity (a proposed SUVmax cut-off of about 5 is not widely validated)."
                ),
            },
            {
                "modality": "biopsy",
                "text": "Deep samples (surgical or image-guided) decide; superficial swabs are unreliable. Blood cultures when febrile.",
            },
        ],
        "pitfalls": [
            "Enhancing scar and surgical tract are normal: infection needs fluid, necrosis, bone destruction or clinical and biological signs.",
            "A CRP of 100–150 mg/L on days 2–3 after fusion is a normal peak: look for a second rise or no fall.",
            "A second CRP rise is sensitive (82%) but not specific: combine it with the clinical picture and imaging.",
            "Haemostatic material can hold gas and enhance at the rim early on.",
        ],
        "differentials": ["Seroma", "Pseudomeningocele", "Haematoma", "Normal enhancing granulation tissue"],
        "references": [REF_INFECTION_REVIEW, REF_SSI_FRONT, REF_JKNS_INFECTION, REF_MOK],
        "scenarios": ["c6-fever-wound-discharge-after-fusion"],
        "figures": [
            _fig(
                "deep-ssi-axial-t1gd",
                "Three weeks after L4–S1 fusion: deep collection",
                "mri-gd",
                "axial",
                "T1 fat-sat post-Gd",
                21,
                PSF,
                ["deep-ssi"],
                "A deep collection with a thick enhancing wall lies under the fascia against the rods, with "
                "surrounding phlegmon in the paraspinal muscles.",
                "Axial post-contrast fat-saturated T1 schematic at L4–L5 after posterior fusion: a fluid collection "
                "with a thick bright wall beside the screws and rods, deep to the fascia.",
                style="mri_t1_gd",
                findings=[
                    _f(
                        "paraspinal_abscess",
                        "deep-collection",
                        "Deep collection with thick enhancing wall",
                        "Deep to the fascia, around the rods",
                    )
                ],
                labels=True,
            ),
            _fig(
                "deep-ssi-sagittal-stir",
                "Three weeks after L4–S1 fusion: collection and epidural extension",
                "mri",
                "sagittal",
                "STIR",
                21,
                PSF,
                ["deep-ssi", "epidural-abscess"],
                "STIR shows the deep collection behind the construct and an epidural extension into the canal, seen "
                "even without gadolinium.",
                "Sagittal STIR schematic after posterior L4–L5 fusion: bright fluid collects behind the spine along "
                "the rods, with a bright collection extending into the dorsal epidural space.",
                style="stir",
                findings=[
                    _f("paraspinal_abscess", "deep-collection", "Deep collection"),
                    _f(
                        "epidural_abscess",
                        "epidural-extension",
                        "Epidural extension",
                        "Check the sac and roots",
                    ),
                ],
            ),
            _fig(
                "deep-ssi-axial-ct-contrast",
                "CT with contrast when MRI is not possible",
                "ct-contrast",
                "axial",
                "soft-tissue window, contrast",
                21,
                PSF,
                ["deep-ssi"],
                "A rim-enhancing deep collection next to the screws; CT can plan a drainage route.",
                "Axial contrast-enhanced CT schematic at L4–L5 after posterior fusion: a low-density collection with "
                "an enhancing rim in the paraspinal muscles beside the screws.",
                style="ct",
                findings=[
                    _f("paraspinal_abscess", "rim-enhancing-collection", "Rim-enhancing deep collection")
                ],
            ),
        ],
    },
    {
        "slug": "epidural-abscess",
        "title": "Epidural abscess",
        "kind": "complication",
        "complication": "epidural-abscess",
        "surgeries": ALL_SURGERIES,
        "summary": (
            "Pus in the epidural space, usually extending from a deep wound infection or a spondylodiscitis. With a "
            "neurological deficit or sepsis it needs emergency MRI without and with gadolinium, then surgery."
        ),
        "timing": "Early to intermediate (weeks to a few months)",
        "urgency": "emergency",
        "presentation": (
            "Back pain, fever and raised inflammatory markers, then a radicular or cauda equina deficit. Often part "
            "of a deep surgical site infection or post-operative spondylodiscitis."
        ),
        "red_flags": [
            "New or progressive neurological deficit",
            "Sepsis",
            "Saddle anaesthesia or sphincter dysfunction",
        ],
        "findings_by_modality": [
            {
                "modality": "mri-gd",
                "text": (
                    "Peripherally enhancing epidural fluid (abscess) versus homogeneously enhancing tissue "
                    "(phlegmon); restricted diffusion in the fluid; compression of the sac; look for a source in the "
                    "disc or the surgical bed."
                ),
            },
            {
                "modality": "mri",
                "text": "STIR and DWI still show the collection when gadolinium is contraindicated.",
            },
        ],
        "pitfalls": [
            "Haematoma has no rim enhancement and comes earlier.",
            "Normal scar or granulation tissue enhances homogeneously: do not call it phlegmon without clinical and biological signs.",
            "Sample before antibiotics unless the patient is septic.",
        ],
        "differentials": ["Epidural haematoma", "Seroma", "Pseudomeningocele", "Enhancing scar"],
        "references": [REF_INFECTION_REVIEW, REF_JKNS_INFECTION],
        "scenarios": ["c6-fever-wound-discharge-after-fusion", "c7-rest-pain-rising-crp-after-discectomy"],
        "figures": [
            _fig(
                "epidural-abscess-sagittal-t1gd",
                "Four weeks after L4–L5 laminectomy: epidural abscess",
                "mri-gd",
                "sagittal",
                "T1 fat-sat post-Gd",
                28,
                LAMI,
                ["epidural-abscess"],
                "A rim-enhancing epidural abscess lies behind the sac over two levels; its centre does not enhance.",
                "Sagittal post-contrast fat-saturated T1 schematic after L4–L5 laminectomy: a dorsal epidural "
                "collection with a bright rim and dark centre compresses the dural sac.",
                style="mri_t1_gd",
                findings=[
                    _f(
                        "epidural_abscess",
                        "epidural-abscess",
                        "Rim-enhancing epidural abscess",
                        "Non-enhancing centre; compare DWI",
                    )
                ],
                labels=True,
            ),
            _fig(
                "epidural-abscess-axial-t1gd",
                "Four weeks after L4–L5 laminectomy: axial view of the abscess",
                "mri-gd",
                "axial",
                "T1 fat-sat post-Gd",
                28,
                LAMI,
                ["epidural-abscess"],
                "The rim-enhancing epidural abscess flattens the sac from behind and is continuous with the "
                "surgical bed.",
                "Axial post-contrast fat-saturated T1 schematic at L4–L5 after laminectomy: a dorsal epidural "
                "collection with an enhancing rim flattens the dural sac.",
                style="mri_t1_gd",
                findings=[_f("epidural_abscess", "epidural-abscess", "Rim-enhancing epidural abscess")],
                labels=True,
            ),
        ],
    },
    {
        "slug": "post-operative-spondylodiscitis",
        "title": "Post-operative spondylodiscitis",
        "kind": "complication",
        "complication": "spondylodiscitis",
        "surgeries": ALL_SURGERIES,
        "summary": (
            "Infection of the operated disc and adjacent endplates, mainly after discectomy, usually 1–4 weeks after "
            "surgery. Paravertebral or epidural phlegmon is the most discriminating MRI sign."
        ),
        "timing": "Usually 1–4 weeks, up to ~3 months",
        "urgency": "urgent",
        "presentation": (
            "Severe, often disproportionate mechanical and resting back pain at the operated level with paraspinal "
            "spasm, while the sciatica may have resolved. Fever is inconstant; the CRP is high or rising. Often "
            "quoted at about 0.2–3% after discectomy (figures uncertain)."
        ),
        "red_flags": [
            "Back pain at rest and at night after discectomy",
            "CRP rising again",
            "New neurological deficit (epidural abscess)",
        ],
        "findings_by_modality": [
            {
                "modality": "mri-gd",
                "text": (
                    "Fluid-like T2 signal and enhancement of the disc, endplate erosion (loss of the black cortical "
                    "line on T1), marrow oedema on both sides of the disc, and paravertebral or epidural phlegmon or "
                    "abscess, the most discriminating sign. The absence of Modic 1 change, disc enhancement and "
                    "paravertebral enhancement argues strongly against infection: MRI is better at excluding than "
                    "confirming."
                ),
            },
            {
                "modality": "biopsy",
                "text": (
                    "CT- or fluoroscopy-guided disc or endplate biopsy when blood cultures are negative, ideally before "
                    "antibiotics; send for histology too. Yield is moderate (roughly 30–60%; figures vary)."
                ),
            },
            {
                "modality": "fdg-pet",
                "text": (
                    "When MRI is equivocal, contraindicated or degraded by metal: pooled sensitivity 0.85 and "
                    "specificity 0.87 for post-operative spondylitis; high negative predictive value."
                ),
            },
            {
                "modality": "leukocyte-scan",
                "text": "Poor in the spine: vertebral infection is often photopenic ('cold'); a 'hot' lesion has a sensitivity of only 39%.",
            },
            {
                "modality": "ct",
                "text": "Endplate erosion appears weeks after the MRI changes; guides biopsy.",
            },
        ],
        "pitfalls": [
            "Disc enhancement and Modic 1-like change alone can be normal after discectomy: look for phlegmon, erosion, CRP and the clinical course.",
            "Aseptic post-discectomy discitis gives the same MRI picture with negative cultures and cannot be separated reliably by imaging.",
            "Do not repeat MRI at 2 weeks to confirm response: MRI lags and can look worse during effective treatment.",
            "The DWI 'claw sign' favours degenerative Modic 1 in the native spine but is not validated after surgery.",
            "Labelled-leukocyte scintigraphy is not the nuclear test of choice: prefer FDG PET/CT (or gallium).",
        ],
        "differentials": [
            "Normal post-discectomy endplate and disc change",
            "Aseptic discitis (Modic reaction)",
            "Epidural abscess",
        ],
        "references": [REF_VAN_GOETHEM, REF_ISSLS_DISCITIS, REF_FDG_META, REF_PALESTRO, REF_INFECTION_REVIEW],
        "scenarios": ["c7-rest-pain-rising-crp-after-discectomy", "c6-fever-wound-discharge-after-fusion"],
        "figures": [
            _fig(
                "spondylodiscitis-sagittal-t1gd",
                "Three weeks after L5–S1 microdiscectomy: spondylodiscitis",
                "mri-gd",
                "sagittal",
                "T1 fat-sat post-Gd",
                21,
                DISC,
                ["spondylodiscitis"],
                "The enhancing disc with endplate erosion is bordered by epidural phlegmon, the most discriminating "
                "sign of infection.",
                "Sagittal post-contrast fat-saturated T1 schematic after L5–S1 discectomy: the L5–S1 disc and both "
                "endplates enhance, the endplate lines are eroded, and enhancing tissue lies in front of the sac.",
                style="mri_t1_gd",
                level="L5-S1",
                findings=[
                    _f(
                        "spondylodiscitis",
                        "infected-disc",
                        "Enhancing disc with endplate erosion",
                        "Both endplates involved",
                    ),
                    _f(
                        "epidural_abscess",
                        "epidural-phlegmon",
                        "Epidural phlegmon",
                        "Most discriminating sign of infection",
                    ),
                ],
                labels=True,
            ),
            _fig(
                "spondylodiscitis-sagittal-stir",
                "Three weeks after L5–S1 microdiscectomy: marrow oedema",
                "mri",
                "sagittal",
                "STIR",
                21,
                DISC,
                ["spondylodiscitis"],
                "Marrow oedema on both sides of the disc and fluid-like disc signal; without phlegmon such changes "
                "could still be post-operative.",
                "Sagittal STIR schematic after L5–S1 discectomy: bright marrow in the lower L5 and upper S1 bodies on "
                "both sides of a bright disc.",
                style="stir",
                level="L5-S1",
                findings=[
                    _f(
                        "spondylodiscitis",
                        "marrow-oedema",
                        "Marrow oedema on both sides of the disc",
                    )
                ],
            ),
            _fig(
                "spondylodiscitis-fdg-pet",
                "FDG PET/CT when MRI is equivocal",
                "fdg-pet",
                "sagittal",
                "",
                28,
                DISC,
                ["spondylodiscitis"],
                "Intense disc and endplate uptake at L5–S1 supports infection; early post-op uptake along the "
                "surgical tract is a confounder.",
                "Sagittal FDG PET/CT schematic of the lumbar spine: an intense focus of uptake centred on the L5–S1 "
                "disc space.",
                style="pet",
                level="L5-S1",
                findings=[_f("hot_spot", "disc-uptake", "Intense disc and endplate uptake")],
            ),
        ],
    },
    {
        "slug": "low-grade-implant-infection",
        "title": "Delayed low-grade implant infection ('creeping' infection)",
        "kind": "complication",
        "complication": "low-grade-implant-infection",
        "surgeries": FUSIONS,
        "summary": (
            "A low-virulence infection (Cutibacterium acnes, coagulase-negative staphylococci) around implants, "
            "months to years after fusion, with few systemic signs. Multiple or progressive screw halos should "
            "trigger an infection work-up."
        ),
        "timing": "3 months to years",
        "urgency": "non_urgent",
        "presentation": (
            "Insidious or increasing axial pain, often after a honeymoon period, with few or no systemic signs and "
            "a normal or mildly raised CRP; sometimes a fistula. Often found as 'aseptic' loosening or pseudarthrosis "
            "at revision: in one prospective study cultures were positive in 42.4% of revisions for screw loosening "
            "versus 17.6% of controls, C. acnes being the commonest organism. The anchor paper names low-grade "
            "infection among the subtle diagnoses; 'creeping infection' appears in its text, but its exact "
            "definition was not available."
        ),
        "red_flags": [
            "Sinus tract or wound discharge",
            "Halos around several screws or at both ends of the construct",
            "Rapid progression",
        ],
        "findings_by_modality": [
            {
                "modality": "ct",
                "text": (
                    "Loosening halos around several screws, at several levels or at both ends of the construct, "
                    "and/or rapidly progressive; peri-implant osteolysis; endplate erosion around the cage; early or "
                    "marked subsidence; nonunion."
                ),
            },
            {
                "modality": "fdg-pet",
                "text": (
                    "In suspected chronic instrumented-spine infection (imaged more than 12 weeks after surgery): "
                    "sensitivity 86.4%, specificity 81.5% (MRI 66.7%/75%, CRP 50%/92.6%). False positives: aseptic "
                    "loosening, pseudarthrosis, adjacent segment disease. Read non-corrected images near metal."
                ),
            },
            {
                "modality": "mri-gd",
                "text": "With MAR: enhancing soft tissue or fluid along the rods or in the surgical bed, sinus tract.",
            },
        ],
        "pitfalls": [
            "A normal CRP does not exclude low-grade infection (CRP sensitivity about 50%).",
            "Loosening is not purely mechanical: multiple or progressive halos mean infection until proven otherwise.",
            "FDG uptake near metal on attenuation-corrected images can be artefact: check the non-corrected images.",
            "Diagnosis needs 3–5 deep samples, sonication of the hardware and prolonged culture (about 10–14 days) for C. acnes.",
        ],
        "differentials": ["Aseptic loosening", "Pseudarthrosis", "Adjacent segment disease"],
        "references": [REF_ANCHOR, REF_LOW_GRADE, REF_FOLLENFANT, REF_EL_YAAGOUBI],
        "scenarios": ["c11-pain-returning-after-fusion"],
        "figures": [
            _fig(
                "low-grade-infection-axial-ct",
                "Eighteen months after L4–S1 fusion: halos around both screws",
                "ct",
                "axial",
                "bone window",
                540,
                PSF,
                ["low-grade-implant-infection", "hardware-loosening"],
                "Lucent halos around both L4 screws; halos around several screws point towards low-grade infection "
                "rather than purely mechanical loosening.",
                "Axial CT schematic in bone window through the L4 pedicles, 18 months after fusion: a dark lucent rim "
                "surrounds both pedicle screws.",
                style="ct",
                findings=[
                    {**_f("screw_halo", "halo-left", "Lucent halo around the left screw"), "side": "left"},
                    {**_f("screw_halo", "halo-right", "Lucent halo around the right screw"), "side": "right"},
                ],
                labels=True,
            ),
            _fig(
                "low-grade-infection-fdg-pet",
                "FDG PET/CT before revision: uptake around several screws",
                "fdg-pet",
                "sagittal",
                "",
                560,
                PSF,
                ["low-grade-implant-infection"],
                "Intense uptake around several screws suggests infection; check the non-attenuation-corrected images "
                "to exclude a metal artefact.",
                "Sagittal FDG PET/CT schematic after posterior fusion: intense uptake around the screws in the posterior "
                "elements of the fused segment.",
                style="pet",
                findings=[
                    {
                        **_f("hot_spot", "peri-screw-uptake", "Intense uptake around several screws"),
                        "site": "posterior",
                    }
                ],
            ),
        ],
    },
    # Hardware and fusion ------------------------------------------------------------------------------------
    {
        "slug": "hardware-loosening",
        "title": "Pedicle screw loosening",
        "kind": "complication",
        "complication": "hardware-loosening",
        "surgeries": FUSIONS,
        "summary": (
            "Loss of fixation between bone and screw: a lucent halo around the screw, backing out or a change in "
            "screw angle compared with baseline. Imaging misses many loose screws but is specific when positive."
        ),
        "timing": "Months to years",
        "urgency": "non_urgent",
        "presentation": (
            "Mechanical pain, often after a honeymoon period; can be asymptomatic. Causes: osteoporosis, "
            "pseudarthrosis, low-grade infection, excessive load and technical factors."
        ),
        "red_flags": ["Halos around several screws (infection)", "Rapid progression", "New deficit"],
        "findings_by_modality": [
            {
                "modality": "ct",
                "text": (
                    "Halo sign: a lucent zone around the screw, classically thicker than 1 mm; some centres use 2 mm "
                    "or more on CT for specificity (definitions differ: state the criterion). Double halo (lucency "
                    "with a sclerotic rim); windshield-wiper lucency from toggling; backing out."
                ),
            },
            {
                "modality": "xr-standing",
                "text": (
                    "Halo, backing out, change in screw position or angle versus baseline (a change of about 2° in "
                    "the screw–endplate angle was 75% sensitive and 89% specific in one study)."
                ),
            },
            {"modality": "bone-scan-spect", "text": "Focal uptake around a loose screw."},
            {"modality": "fdg-pet", "text": "Intense uptake around several screws points towards infection."},
        ],
        "pitfalls": [
            "Against extraction torque, radiographs (24% sensitive) and CT (22%) missed most loose screws; these figures come from screws removed years later.",
            "A thin lucency just after surgery or a beam-hardening band is not a halo: compare with baseline, use MAR and a bone window.",
            "Multiple or progressive halos: think infection.",
            "Low trabecular attenuation on CT suggests osteoporosis and a higher risk of loosening.",
        ],
        "differentials": ["Beam-hardening artefact", "Low-grade implant infection", "Pseudarthrosis"],
        "references": [REF_SCREW_ANGLE, REF_WU, REF_SPECT_SCREWS, REF_LOW_GRADE],
        "scenarios": ["c11-pain-returning-after-fusion", "c14-sacral-pain-weeks-after-lumbosacral-fusion"],
        "figures": [
            _fig(
                "loosening-axial-ct",
                "Fifteen months after L4–L5 fusion: halo around one screw",
                "ct",
                "axial",
                "bone window",
                450,
                PSF,
                ["hardware-loosening"],
                "A lucent halo wider than 1 mm surrounds the left screw, with a thin sclerotic rim (double halo).",
                "Axial CT schematic in bone window through the L5 pedicles: a dark rim around the left screw bordered "
                "by a white line; the right screw is in contact with bone.",
                style="ct",
                findings=[
                    _f(
                        "screw_halo",
                        "screw-halo",
                        "Lucent halo around the screw",
                        "More than 1 mm; compare with baseline",
                    )
                ],
                labels=True,
            ),
            _fig(
                "loosening-lateral-xr",
                "Lateral radiograph: halo and change in screw angle",
                "xr-standing",
                "sagittal",
                "",
                450,
                PSF,
                ["hardware-loosening"],
                "A lucent halo around the L5 screw and a change in its angle compared with the baseline film.",
                "Lateral radiograph schematic after L4–L5 fusion: a dark band outlines the lower screw, whose angle "
                "differs from the baseline film.",
                style="xr",
                findings=[_f("screw_halo", "screw-halo", "Lucent halo around the screw")],
            ),
            _fig(
                "loosening-spect",
                "Bone SPECT/CT: uptake around the loose screw",
                "bone-scan-spect",
                "sagittal",
                "",
                460,
                PSF,
                ["hardware-loosening"],
                "Focal uptake around the loose screw, beyond the first year when fusion-bed uptake should have "
                "settled.",
                "Sagittal bone SPECT/CT schematic after L4–L5 fusion: a focal hot spot around the tip of the lower "
                "screw.",
                style="spect",
                findings=[
                    {
                        **_f("hot_spot", "screw-uptake", "Focal uptake around the loose screw"),
                        "site": "posterior",
                    }
                ],
            ),
        ],
    },
    {
        "slug": "hardware-failure",
        "title": "Hardware failure: rod or screw fracture, cage subsidence",
        "kind": "complication",
        "complication": "hardware-failure",
        "surgeries": FUSIONS,
        "summary": (
            "Fatigue fracture of a rod or screw, usually beyond 6–12 months, means persistent motion: treat it as "
            "pseudarthrosis until proven otherwise. Cage subsidence is the cage sinking into an endplate."
        ),
        "timing": "Usually beyond 6–12 months; subsidence mostly in the first month",
        "urgency": "non_urgent",
        "presentation": (
            "Recurrent mechanical pain, sometimes a click, or an incidental finding on a follow-up film. Early "
            "failure suggests overload, technical problems or poor bone. A deficit makes it urgent."
        ),
        "red_flags": ["New deficit", "Progressive slip or loss of correction"],
        "findings_by_modality": [
            {
                "modality": "xr-standing",
                "text": (
                    "Discontinuity of a rod or screw (AP, lateral, oblique). Rods typically break at the level of the "
                    "nonunion; screws at the head–shank junction or near the pedicle base. Set-screw disengagement or a "
                    "rod slipping out of the screw head."
                ),
            },
            {
                "modality": "ct",
                "text": (
                    "Confirms the fracture and looks for the nonunion behind it. Cage subsidence: loss of disc height "
                    "compared with the early post-op value; a common definition is more than 2 mm (mild 2–4 mm, severe "
                    "more than 4 mm), but definitions vary and early settling up to about 2 mm is expected. It occurs "
                    "mostly in the first month, more often into the caudal endplate."
                ),
            },
        ],
        "pitfalls": [
            "A broken rod more than 6–12 months after surgery = pseudarthrosis until proven otherwise.",
            "Settling of up to about 2 mm is expected; severe subsidence can cost the indirect foraminal decompression.",
            "rhBMP-2-related osteolysis around the cage can mimic subsidence, loosening or infection.",
        ],
        "differentials": [
            "Pseudarthrosis",
            "Low-grade implant infection",
            "Split fracture of the vertebral body",
        ],
        "references": [REF_SUBSIDENCE, REF_PSEUDARTHROSIS_ISSLS, REF_CORONA],
        "scenarios": ["c11-pain-returning-after-fusion"],
        "figures": [
            _fig(
                "rod-fracture-lateral-xr",
                "Eighteen months after L4–S1 fusion: broken rod",
                "xr-standing",
                "sagittal",
                "",
                540,
                PSF,
                ["hardware-failure", "pseudarthrosis"],
                "The broken rod lies at the level of the nonunion; a fatigue fracture this late means persistent "
                "motion.",
                "Lateral radiograph schematic after posterior fusion: a gap interrupts the rod at the level of the "
                "lower disc space.",
                style="xr",
                level="L5-S1",
                findings=[_f("rod_fracture", "rod-fracture", "Broken rod", "At the level of the nonunion")],
                labels=True,
            ),
            _fig(
                "screw-fracture-sagittal-ct",
                "CT: screw fracture near the pedicle base",
                "ct",
                "sagittal",
                "bone window",
                540,
                PSF,
                ["hardware-failure"],
                "The screw fracture lies near the pedicle base, the point of maximum bending stress.",
                "Sagittal CT schematic in bone window after posterior fusion: a lower pedicle screw is broken across "
                "its shank near the pedicle base.",
                style="ct",
                level="L5-S1",
                findings=[_f("screw_fracture", "screw-fracture", "Screw fracture near the pedicle base")],
            ),
            _fig(
                "cage-subsidence-sagittal-ct",
                "Three months after L4–L5 TLIF: cage subsidence",
                "ct",
                "sagittal",
                "bone window",
                90,
                TLIF,
                ["hardware-failure"],
                "Cage subsidence into the caudal endplate with loss of disc height compared with the early post-op "
                "CT.",
                "Sagittal CT schematic in bone window after L4–L5 TLIF: the cage has sunk into the upper endplate of "
                "L5 and the disc space is lower than on the baseline.",
                style="ct",
                findings=[
                    _f(
                        "cage_subsidence",
                        "cage-subsidence",
                        "Cage subsidence into the endplate",
                        "More than about 2 mm versus baseline (definitions vary)",
                    )
                ],
            ),
        ],
    },
    {
        "slug": "pseudarthrosis",
        "title": "Pseudarthrosis, including locked pseudarthrosis",
        "kind": "complication",
        "complication": "pseudarthrosis",
        "surgeries": FUSIONS,
        "summary": (
            "No solid bony fusion at 12 months or later. Intact, rigid hardware can hide the nonunion ('locked' "
            "pseudarthrosis): thin-slice CT is the key test and SPECT/CT shows residual micromobility."
        ),
        "timing": "Diagnosed at 12 months or later",
        "urgency": "non_urgent",
        "presentation": (
            "Mechanical pain returning after a honeymoon period in which the instrumentation gave stability. Rates "
            "of 5–35% after lumbar fusion, higher with three or more levels. Risk factors: smoking, diabetes, "
            "osteoporosis, steroids, multilevel fusion and infection. Many radiological nonunions are asymptomatic; "
            "surgical exploration remains the reference standard. The anchor paper names hardware failure among the "
            "subtle diagnoses, calls CT the reference for bony fusion and hardware, and says PET and SPECT reveal "
            "micromobility."
        ),
        "red_flags": [
            "Broken rod or screw",
            "Progressive slip or loss of correction",
            "Halos around several screws (infection)",
        ],
        "findings_by_modality": [
            {
                "modality": "ct",
                "text": (
                    "Look for continuous trabecular bridging across the disc space (through and around the cage) and "
                    "across the posterolateral gutters on both sides. Nonunion signs: a lucent cleft through the "
                    "fusion mass, lucency at the cage–endplate interface, endplate cysts or sclerosis, gas (vacuum) in "
                    "the disc space or cage, screw halos. 'Locked nonunion' in cage grading: bone grows in from both "
                    "endplates but a lucent line persists across the middle of the cage."
                ),
            },
            {
                "modality": "xr-dynamic",
                "text": (
                    "A common 'fused' criterion is less than 3 mm translation and less than 5° angulation, but "
                    "thresholds of 2–5° are used (uncertain). Often normal in a locked pseudarthrosis."
                ),
            },
            {
                "modality": "bone-scan-spect",
                "text": (
                    "Focal increased uptake at the nonunion (endplates, fusion gap, around loose screws, facets) beyond "
                    "about a year; adds specificity to CT for interbody nonunion and finds active facets that CT misses."
                ),
            },
            {
                "modality": "fdg-pet",
                "text": "Before revising a 'presumed aseptic' pseudarthrosis: look for occult low-grade infection.",
            },
            {
                "modality": "xr-standing",
                "text": "Indirect signs: screw halos, broken metal, progressive slip, cage migration or subsidence, graft resorption. Poor for interbody fusion (bridging bone on 4% of radiographs vs 95% of CTs in one series).",
            },
        ],
        "pitfalls": [
            "No motion on flexion-extension does not prove fusion: rigid hardware can mask a nonunion.",
            "A dense-looking disc space on radiographs does not prove interbody fusion: use CT.",
            "Uptake on a bone scan at 4 months is normal remodelling; judge at about a year and by the pattern.",
            "Radiological nonunion does not automatically mean revision: treat the patient, not the image.",
            "Exclude low-grade infection (CRP, FDG PET/CT if suspicious, intraoperative cultures) before revision.",
        ],
        "differentials": [
            "Hardware loosening",
            "Low-grade implant infection",
            "Adjacent segment disease",
            "Facet or SIJ pain",
        ],
        "references": [
            REF_ANCHOR,
            REF_PSEUDARTHROSIS_ISSLS,
            REF_SHAH,
            REF_LOCKED,
            REF_RAGER,
            REF_EL_YAAGOUBI,
        ],
        "scenarios": ["c11-pain-returning-after-fusion"],
        "figures": [
            _fig(
                "pseudarthrosis-sagittal-ct",
                "Fifteen months after L4–L5 TLIF: lucent cleft through the cage",
                "ct",
                "sagittal",
                "bone window",
                450,
                TLIF,
                ["pseudarthrosis"],
                "A lucent cleft crosses the middle of the cage with no continuous bridging bone: the pattern of a "
                "locked nonunion.",
                "Sagittal CT schematic in bone window after L4–L5 TLIF: a dark horizontal line crosses the middle of "
                "the cage and the bone around it does not bridge the disc space.",
                style="ct",
                findings=[
                    _f(
                        "pseudarthrosis",
                        "lucent-cleft",
                        "Lucent cleft through the cage",
                        "No continuous bridging bone",
                    )
                ],
                labels=True,
            ),
            _fig(
                "pseudarthrosis-vacuum-sagittal-ct",
                "Eighteen months after L4–L5 posterolateral fusion: vacuum in the disc",
                "ct",
                "sagittal",
                "bone window",
                540,
                PSF,
                ["pseudarthrosis"],
                "Gas (vacuum) in the fused disc space means motion, a strong sign of nonunion.",
                "Sagittal CT schematic in bone window after L4–L5 posterior fusion: a black gas streak lies in the "
                "disc space between the fused vertebrae.",
                style="ct",
                findings=[
                    {
                        **_f(
                            "pseudarthrosis",
                            "vacuum-cleft",
                            "Gas (vacuum) in the disc space",
                            "Motion = nonunion sign",
                        ),
                        "vacuum": True,
                    }
                ],
            ),
            _fig(
                "pseudarthrosis-spect",
                "Bone SPECT/CT: uptake at the nonunion",
                "bone-scan-spect",
                "sagittal",
                "",
                460,
                TLIF,
                ["pseudarthrosis"],
                "Focal uptake at the nonunion more than a year after surgery reflects micromobility, which the rigid "
                "hardware hides on dynamic films.",
                "Sagittal bone SPECT/CT schematic after L4–L5 TLIF: an intense focus of uptake across the L4–L5 disc "
                "space.",
                style="spect",
                findings=[_f("hot_spot", "nonunion-uptake", "Focal uptake at the nonunion")],
            ),
            _fig(
                "pseudarthrosis-flexion-xr",
                "Flexion radiograph: no visible motion",
                "xr-dynamic",
                "sagittal",
                "flexion",
                450,
                TLIF,
                ["pseudarthrosis"],
                "No visible motion on the flexion film: intact hardware can lock a nonunion, so this does not prove "
                "fusion.",
                "Lateral flexion radiograph schematic after L4–L5 TLIF: screws, rods and cage markers unchanged, with "
                "no measurable movement at L4–L5.",
                style="xr",
                findings=[_f("normal", "no-visible-motion", "No visible motion", "Does not prove fusion")],
            ),
        ],
    },
    # Discectomy: recurrence versus scar ---------------------------------------------------------------------
    {
        "slug": "recurrent-disc-herniation",
        "title": "Recurrent disc herniation",
        "kind": "complication",
        "complication": "recurrent-herniation",
        "surgeries": [DISC],
        "summary": (
            "A new herniation at the operated level after a pain-free interval. On early post-contrast T1 fat-sat "
            "it does not enhance centrally (rim only), is continuous with the disc and pushes the sac or root away."
        ),
        "timing": "Months to years, often in the first year, after a pain-free interval",
        "urgency": "non_urgent",
        "presentation": (
            "Radicular pain returns on the same side after improvement, often after 6 months or more. Recurrent "
            "herniation occurs in about 5–11% (reported up to ~15%); reoperation gives results similar to the first "
            "operation. With a cauda equina syndrome it is an emergency MRI."
        ),
        "red_flags": [
            "Saddle anaesthesia, sphincter dysfunction or bilateral sciatica (cauda equina)",
            "Progressive motor deficit",
        ],
        "findings_by_modality": [
            {
                "modality": "mri-gd",
                "text": (
                    "Protocol: sagittal and axial T1 and T2, then axial and sagittal T1 fat-sat acquired early (first "
                    "~10–20 min) after Gd. Disc: no central enhancement, peripheral rim from granulation tissue, "
                    "smooth polypoid margin, continuous with the parent disc, mass effect pushing the sac or root. "
                    "Accuracy for scar versus disc about 96%."
                ),
            },
            {
                "modality": "mri",
                "text": "Enough when a large, typical recurrent herniation is obvious; T2 signal usually like the parent disc.",
            },
        ],
        "pitfalls": [
            "Delayed post-Gd images (beyond about 30 min) let disc material enhance and blur the difference.",
            "A sequestered or old fragment can be invaded by granulation tissue and enhance centrally.",
            "Before about 6 weeks scar and oedema also enhance and exert mass effect: distinction is unreliable.",
            "Mixed lesions (disc plus scar) are common.",
            "Gadolinium helps from about 6 weeks on, for years (one study found the most benefit in the first ~6–18 months; sources differ).",
        ],
        "differentials": [
            "Epidural fibrosis (scar)",
            "Residual fragment (no pain-free interval)",
            "Radiculitis",
        ],
        "references": [REF_SCAR_DISC, REF_PASSAVANTI, REF_BODEN, REF_FIBROSIS_SCIATICA],
        "scenarios": ["c8-recurrent-sciatica-after-discectomy", "c9-unchanged-leg-pain-after-discectomy"],
        "figures": [
            _fig(
                "recurrent-herniation-axial-t1gd",
                "Six months after L4–L5 discectomy: recurrent herniation",
                "mri-gd",
                "axial",
                "T1 fat-sat post-Gd (early)",
                180,
                DISC,
                ["recurrent-herniation"],
                "The recurrent disc does not enhance centrally (rim only) and pushes the left L5 root and the sac "
                "away.",
                "Axial early post-contrast fat-saturated T1 schematic at L4–L5: a dark, rim-enhancing nodule "
                "continuous with the disc displaces the left L5 root backwards.",
                style="mri_t1_gd",
                findings=[
                    _f(
                        "recurrent_herniation",
                        "recurrent-disc",
                        "Recurrent disc: rim enhancement only",
                        "Continuous with the disc; pushes the root",
                    )
                ],
                labels=True,
            ),
            _fig(
                "recurrent-herniation-sagittal-t2",
                "Six months after L4–L5 discectomy: sagittal T2",
                "mri",
                "sagittal",
                "T2",
                180,
                DISC,
                ["recurrent-herniation"],
                "The recurrent disc is continuous with the L4–L5 disc, with signal like the parent disc, and "
                "indents the sac.",
                "Sagittal T2 schematic at L4–L5 after discectomy: a dark nodule extends backwards from the disc and "
                "indents the front of the dural sac.",
                style="mri_t2",
                findings=[
                    _f(
                        "recurrent_herniation",
                        "recurrent-disc",
                        "Recurrent disc",
                        "Signal like the parent disc",
                    )
                ],
                labels=True,
            ),
        ],
    },
    {
        "slug": "epidural-fibrosis",
        "title": "Epidural fibrosis (scar)",
        "kind": "complication",
        "complication": "epidural-fibrosis",
        "surgeries": [DISC, LAMI],
        "summary": (
            "Scar in the epidural space after surgery, almost universal to some degree. It enhances homogeneously "
            "and at once, envelops the root and pulls the sac towards itself. It correlates weakly with pain."
        ),
        "timing": "Weeks to years; enhances for years",
        "urgency": "non_urgent",
        "presentation": (
            "Scar is found in most operated patients. One MRI study linked extensive scar to recurrent radicular pain "
            "(about 3.2 times more likely); others found no relation. Reoperation for fibrosis alone gives poor "
            "results: management is conservative, root block or neuromodulation."
        ),
        "red_flags": ["New deficit", "Fever or rising CRP (enhancing tissue with fluid or destruction)"],
        "findings_by_modality": [
            {
                "modality": "mri-gd",
                "text": (
                    "Homogeneous, immediate enhancement; irregular, infiltrative margins; envelops the root; may "
                    "extend to the laminectomy defect; retracts or pulls the sac towards itself."
                ),
            },
            {
                "modality": "mri",
                "text": "Variable T2 signal, often intermediate-high early and lower later; T1 intermediate.",
            },
        ],
        "pitfalls": [
            "Homogeneous enhancement means scar, not recurrent disc.",
            "Enhancing scar 2 years after surgery is not infection: look for fluid, destruction and clinical signs.",
            "Scar does not explain every recurrent leg pain; do not reoperate to remove scar.",
            "CT myelography shows compression but cannot separate scar from disc.",
        ],
        "differentials": ["Recurrent herniation", "Epidural abscess or phlegmon", "Arachnoiditis"],
        "references": [REF_SCAR_DISC, REF_PASSAVANTI, REF_FIBROSIS_SCIATICA],
        "scenarios": ["c8-recurrent-sciatica-after-discectomy"],
        "figures": [
            _fig(
                "epidural-fibrosis-axial-t1gd",
                "Eight months after L4–L5 discectomy: epidural scar",
                "mri-gd",
                "axial",
                "T1 fat-sat post-Gd (early)",
                240,
                DISC,
                ["epidural-fibrosis"],
                "Homogeneously enhancing scar envelops the left L5 root and pulls the sac towards the laminotomy.",
                "Axial early post-contrast fat-saturated T1 schematic at L4–L5: bright, ill-defined tissue surrounds "
                "the left L5 root and the sac is drawn towards the left laminotomy.",
                style="mri_t1_gd",
                findings=[
                    _f(
                        "epidural_fibrosis",
                        "enhancing-scar",
                        "Homogeneously enhancing scar",
                        "Envelops the root; retracts the sac",
                    )
                ],
                labels=True,
            ),
            _fig(
                "epidural-fibrosis-axial-t1",
                "Eight months after L4–L5 discectomy: scar before contrast",
                "mri",
                "axial",
                "T1",
                240,
                DISC,
                ["epidural-fibrosis"],
                "Before contrast the scar is intermediate in signal and hard to separate from disc; compare with the "
                "post-contrast images.",
                "Axial T1 schematic at L4–L5 after left discectomy: intermediate-signal tissue around the left L5 "
                "root, blending with the epidural fat.",
                style="mri_t1",
                findings=[_f("epidural_fibrosis", "scar", "Epidural scar (intermediate T1)")],
            ),
        ],
    },
    {
        "slug": "arachnoiditis",
        "title": "Adhesive arachnoiditis",
        "kind": "complication",
        "complication": "arachnoiditis",
        "surgeries": ALL_SURGERIES,
        "summary": (
            "Chronic inflammation and adhesion of the arachnoid and roots after repeated surgery, durotomy, infection "
            "or intrathecal blood. High-resolution axial T2 shows clumped roots or an 'empty' sac."
        ),
        "timing": "Months to years",
        "urgency": "non_urgent",
        "presentation": (
            "Constant burning, often bilateral, non-dermatomal leg pain with dysaesthesia, sometimes sphincter or "
            "gait problems. Very resistant to treatment; re-operation is generally avoided. Imaging severity "
            "correlates poorly with symptoms."
        ),
        "red_flags": ["Sphincter dysfunction", "Progressive gait disturbance"],
        "findings_by_modality": [
            {
                "modality": "mri",
                "text": (
                    "Axial T2, Delamarter groups: 1 = roots clumped centrally into one or a few cords (pseudocord); "
                    "2 = roots stuck peripherally to the dura ('empty thecal sac'); 3 = soft tissue filling the "
                    "subarachnoid space. Also thickened roots, loculations, arachnoid cysts."
                ),
            },
            {
                "modality": "mri-gd",
                "text": "Enhancement is variable and usually mild or absent in the chronic stage; Gd mainly excludes other diagnoses.",
            },
            {
                "modality": "ct-myelography",
                "text": "If MRI is impossible: clumped roots, blunted sleeves, 'candle-guttering' margins, block.",
            },
            {"modality": "ct", "text": "Arachnoiditis ossificans: intradural calcification or ossification."},
        ],
        "pitfalls": [
            "Normal roots lie dependently and symmetrically in a supine patient: that is not adhesion.",
            "Redundant, serpiginous roots near a tight stenosis are not arachnoiditis.",
            "Nodular enhancement suggests leptomeningeal metastases; thick enhancing roots suggest CIDP.",
        ],
        "differentials": [
            "Leptomeningeal metastases",
            "Infectious meningitis",
            "Hypertrophic neuropathy (CIDP)",
            "Pseudomeningocele",
        ],
        "references": [REF_DELAMARTER, REF_ARACHNOIDITIS_RADSOURCE],
        "scenarios": ["c16-burning-leg-pain-after-repeated-surgery"],
        "figures": [
            _fig(
                "arachnoiditis-clumping-axial-t2",
                "After three operations: roots clumped centrally",
                "mri",
                "axial",
                "T2 (high resolution)",
                365,
                LAMI,
                ["arachnoiditis"],
                "Roots clumped centrally into a single cord (Delamarter group 1) in the middle of the sac.",
                "Axial high-resolution T2 schematic at L4–L5 after laminectomy: the roots form one grey clump in the "
                "centre of the bright dural sac.",
                style="mri_t2",
                findings=[
                    _f(
                        "arachnoiditis_clumping",
                        "central-clumping",
                        "Roots clumped centrally (group 1)",
                        "Pseudocord in the middle of the sac",
                    )
                ],
                labels=True,
            ),
            _fig(
                "arachnoiditis-empty-sac-axial-t2",
                "After three operations: empty thecal sac",
                "mri",
                "axial",
                "T2 (high resolution)",
                365,
                LAMI,
                ["arachnoiditis"],
                "Empty thecal sac (Delamarter group 2): the roots are stuck to the dura around the edge of the sac.",
                "Axial high-resolution T2 schematic at L4–L5 after laminectomy: the centre of the bright dural sac is "
                "empty and the roots line its wall.",
                style="mri_t2",
                findings=[
                    _f(
                        "arachnoiditis_empty_sac",
                        "empty-sac",
                        "Empty thecal sac (group 2)",
                        "Roots stuck peripherally to the dura",
                    )
                ],
                labels=True,
            ),
        ],
    },
    # Decompression: instability ------------------------------------------------------------------------
    {
        "slug": "iatrogenic-instability",
        "title": "Iatrogenic instability and pars fracture after decompression",
        "kind": "complication",
        "complication": "iatrogenic-instability",
        "surgeries": DECOMPRESSIONS,
        "summary": (
            "A new or progressive slip after a decompression that removed too much of the facets or pars, or after a "
            "pars fracture. Standing and flexion-extension radiographs show it; supine MRI can miss it."
        ),
        "timing": "Months (pars fracture: mean ~7–8 months)",
        "urgency": "non_urgent",
        "presentation": (
            "New mechanical back pain and neurogenic claudication months after a decompression that helped at first. "
            "Risk factors: pre-existing degenerative spondylolisthesis, resection of more than about half of both "
            "facets or a complete unilateral facetectomy, a thin pars, multilevel laminectomy. In one series pars "
            "fractures appeared at a mean of 7.6 months, 62% within the first year."
        ),
        "red_flags": ["Progressive neurological deficit", "Rapidly increasing slip"],
        "findings_by_modality": [
            {
                "modality": "xr-standing",
                "text": "New or progressive listhesis compared with the pre-op films.",
            },
            {
                "modality": "xr-dynamic",
                "text": (
                    "Dynamic translation or angulation. No single accepted criterion: pragmatic thresholds of about "
                    "3–4 mm and/or 10° are used; White–Panjabi criteria are stricter (more than 4.5 mm or 15%)."
                ),
            },
            {
                "modality": "ct",
                "text": "Pars defect, facet fracture, extent of resection; asymmetric widening of the facet joint just below a pars defect.",
            },
            {
                "modality": "mri",
                "text": (
                    "Facet joint effusion (larger effusions go with instability and a slip that reduces when supine; "
                    "about 1.5 mm or more is often quoted, thresholds vary), pars and pedicle marrow oedema, new "
                    "synovial cyst, restenosis."
                ),
            },
            {
                "modality": "bone-scan-spect",
                "text": "Uptake at a pars stress reaction or overloaded facets when CT is equivocal.",
            },
        ],
        "pitfalls": [
            "Supine MRI shows no slip, so no instability: wrong; look at standing and dynamic radiographs.",
            "A facet effusion on supine MRI is a clue to a slip that reduces when lying down.",
            "A validated diagnostic test for instability does not exist; state the criterion used.",
        ],
        "differentials": ["Recurrent or adjacent stenosis", "Synovial cyst", "Facet joint syndrome"],
        "references": [REF_GUIGUI, REF_FACET_EFFUSION, REF_HIPP],
        "scenarios": ["c10-back-pain-claudication-after-laminectomy"],
        "figures": [
            _fig(
                "instability-flexion-xr",
                "Twelve months after L4–L5 laminectomy: slip on flexion",
                "xr-dynamic",
                "sagittal",
                "flexion",
                365,
                LAMI,
                ["iatrogenic-instability"],
                "A new anterolisthesis of L4 on L5 opens on the flexion film; compare with the extension film and the "
                "pre-op radiographs.",
                "Lateral flexion radiograph schematic after L4–L5 laminectomy: L4 has slipped forwards on L5.",
                style="xr",
                findings=[
                    _f(
                        "spondylolisthesis",
                        "new-slip",
                        "New anterolisthesis of L4",
                        "Measure translation and angulation",
                    )
                ],
                labels=True,
            ),
            _fig(
                "instability-pars-sagittal-ct",
                "CT: pars fracture after laminectomy",
                "ct",
                "sagittal",
                "bone window",
                365,
                LAMI,
                ["iatrogenic-instability"],
                "A pars fracture through the thinned pars interarticularis of L4, below the laminectomy.",
                "Sagittal CT schematic in bone window through the left pars after L4–L5 laminectomy: a lucent line "
                "crosses the L4 pars.",
                style="ct",
                findings=[_f("pars_fracture", "pars-fracture", "Pars fracture", "Through the thinned pars")],
            ),
            _fig(
                "instability-facet-effusion-axial-t2",
                "MRI: facet joint effusions",
                "mri",
                "axial",
                "T2",
                365,
                LAMI,
                ["iatrogenic-instability"],
                "Facet joint effusions on supine MRI are a clue to a slip that reduces when lying down.",
                "Axial T2 schematic at L4–L5 after laminectomy: bright fluid distends both facet joints.",
                style="mri_t2",
                findings=[
                    _f(
                        "facet_effusion",
                        "facet-effusion",
                        "Facet joint effusions",
                        "Clue to dynamic instability",
                    )
                ],
            ),
        ],
    },
    # Late after fusion ------------------------------------------------------------------------------------
    {
        "slug": "adjacent-segment-disease",
        "title": "Adjacent segment disease",
        "kind": "complication",
        "complication": "adjacent-segment-disease",
        "surgeries": FUSIONS,
        "summary": (
            "Degeneration, stenosis or instability of the mobile segment next to a fusion, usually the one above. "
            "Symptomatic forms are adjacent segment disease; radiological ones, adjacent segment degeneration."
        ),
        "timing": "Years (can be earlier)",
        "urgency": "non_urgent",
        "presentation": (
            "New radicular pain or claudication years after a fusion, from the level above (or below). After fusions "
            "of three or more levels followed for at least 5 years: radiological 29%, clinical 18%, surgery 9% in one "
            "study; definitions differ. Risk factors: pre-existing degeneration, violation of the superior facet by "
            "the top screws, sagittal malalignment (PI–LL mismatch >10°)."
        ),
        "red_flags": ["Progressive deficit", "Cauda equina signs"],
        "findings_by_modality": [
            {
                "modality": "mri",
                "text": "Adjacent disc degeneration or herniation, stenosis, facet effusion, synovial cyst; little artefact above the construct.",
            },
            {
                "modality": "xr-standing",
                "text": "Full-length: sagittal balance (PI–LL, SVA, PT), junctional kyphosis (PJK: junctional angle ≥10° and ≥10° more than pre-op), slip.",
            },
            {"modality": "xr-dynamic", "text": "Instability at the adjacent segment."},
            {
                "modality": "ct",
                "text": "Bony foraminal stenosis, facet violation by the top screws, fusion status for planning.",
            },
            {
                "modality": "bone-scan-spect",
                "text": "Picks out the active degenerate facet or disc; guides injection.",
            },
        ],
        "pitfalls": [
            "Degeneration at the adjacent level is common and often silent: match it to the level and side of the symptoms.",
            "Check the sagittal balance on full-length standing films, not on supine MRI.",
            "Adjacent segment disease is also a cause of FDG uptake: do not call it infection.",
        ],
        "differentials": [
            "Pseudarthrosis",
            "Facet joint syndrome",
            "Adjacent osteoporotic fracture",
            "Sagittal imbalance",
        ],
        "references": [REF_ASP, REF_FACET_VIOLATION],
        "scenarios": ["c13-adjacent-level-pain-years-after-fusion", "c11-pain-returning-after-fusion"],
        "figures": [
            _fig(
                "asd-sagittal-t2",
                "Six years after L4–L5 fusion: stenosis at L3–L4",
                "mri",
                "sagittal",
                "T2",
                2190,
                PSF,
                ["adjacent-segment-disease"],
                "Adjacent segment stenosis at L3–L4, the mobile level above the fusion: disc bulge and thickened "
                "ligamentum flavum narrow the sac.",
                "Sagittal T2 schematic six years after L4–L5 fusion: at L3–L4, above the screws, a degenerate disc "
                "and thick ligament pinch the dural sac.",
                style="mri_t2",
                findings=[
                    _f(
                        "adjacent_segment_disease",
                        "adjacent-stenosis",
                        "Adjacent segment stenosis at L3–L4",
                        "Mobile level above the fusion",
                    )
                ],
                labels=True,
            ),
            _fig(
                "asd-lateral-xr",
                "Standing lateral radiograph: adjacent level degeneration",
                "xr-standing",
                "sagittal",
                "",
                2190,
                PSF,
                ["adjacent-segment-disease"],
                "The adjacent level above the fusion has lost height; check for a slip and measure the sagittal "
                "balance on full-length films.",
                "Lateral radiograph schematic after L4–L5 fusion: the L3–L4 disc space above the screws is narrowed.",
                style="xr",
                findings=[
                    _f("adjacent_segment_disease", "adjacent-degeneration", "Adjacent level degeneration")
                ],
            ),
        ],
    },
    {
        "slug": "sacral-insufficiency-fracture",
        "title": "Sacral insufficiency fracture below a lumbosacral fusion",
        "kind": "complication",
        "complication": "sacral-insufficiency-fracture",
        "surgeries": FUSIONS,
        "summary": (
            "A fracture of osteoporotic sacrum next to the S1 screws, typically about 6 weeks after a fusion to S1 in "
            "an elderly woman. Radiographs usually miss it; CT and MRI show it."
        ),
        "timing": "Days to ~3 months; mean about 6 weeks",
        "urgency": "urgent",
        "presentation": (
            "New sacral or buttock pain, radicular pain in 60%, rarely a deficit, in an elderly, osteoporotic (85% "
            "osteopenic or osteoporotic), often obese patient after a short or long fusion to S1. Incidence 1.3% "
            "after short and 3.1% after long fixation in one series."
        ),
        "red_flags": ["Radicular deficit", "Progressive kyphosis or listhesis of the sacrum"],
        "findings_by_modality": [
            {
                "modality": "ct",
                "text": "Fracture line next to the S1 screws, often crossing the canal (Denis zone III), H, U or T shaped, with kyphosis or anterolisthesis; screw purchase.",
            },
            {
                "modality": "mri",
                "text": "STIR/T1: marrow oedema and fracture line; the most sensitive test; root compression.",
            },
            {
                "modality": "bone-scan-spect",
                "text": "H-shaped ('Honda') sacral uptake when MRI is contraindicated; expected post-op uptake is a confounder.",
            },
            {"modality": "xr-standing", "text": "Often normal."},
        ],
        "pitfalls": [
            "Normal radiographs do not exclude a sacral fracture.",
            "Accept MRI (most sensitive) or CT (morphology, relation to S1 screws) as the first test.",
            "Start a bone-health work-up (DXA, treatment) afterwards.",
        ],
        "differentials": ["S1 screw loosening", "Sacroiliac joint pain", "Low-grade implant infection"],
        "references": [REF_SACRAL],
        "scenarios": ["c14-sacral-pain-weeks-after-lumbosacral-fusion", "c15-sij-pain-after-fusion"],
        "figures": [
            _fig(
                "sacral-fracture-sagittal-ct",
                "Five weeks after L4–S1 fusion: sacral fracture below the S1 screws",
                "ct",
                "sagittal",
                "bone window",
                35,
                PSF,
                ["sacral-insufficiency-fracture"],
                "A transverse sacral fracture line lies just below the tips of the S1 screws.",
                "Sagittal CT schematic in bone window after lumbosacral fusion: a thin lucent line with sclerosis "
                "crosses the upper sacrum below the lowest screws.",
                style="ct",
                level="L5-S1",
                findings=[
                    _f(
                        "sacral_insufficiency_fracture",
                        "sacral-fracture",
                        "Sacral fracture below the S1 screws",
                        "Check zone III extension and screw purchase",
                    )
                ],
                labels=True,
            ),
            _fig(
                "sacral-fracture-coronal-stir",
                "Five weeks after L4–S1 fusion: sacral oedema on STIR",
                "mri",
                "coronal",
                "STIR",
                35,
                PSF,
                ["sacral-insufficiency-fracture"],
                "Vertical bands of sacral marrow oedema on both sides, joined across the middle: the H-shaped "
                "pattern of an insufficiency fracture.",
                "Coronal STIR schematic of the sacrum: bright vertical bands in both sacral alae joined by a "
                "horizontal band, forming an H.",
                style="stir",
                level="L5-S1",
                findings=[
                    {
                        **_f(
                            "sacral_insufficiency_fracture",
                            "sacral-oedema",
                            "H-shaped sacral marrow oedema",
                            "Both alae and a horizontal limb",
                        ),
                        "bilateral": True,
                    }
                ],
                labels=True,
            ),
            _fig(
                "sacral-fracture-coronal-spect",
                "Bone SPECT when MRI is contraindicated: 'Honda' sign",
                "bone-scan-spect",
                "coronal",
                "",
                40,
                PSF,
                ["sacral-insufficiency-fracture"],
                "H-shaped ('Honda') sacral uptake; expected uptake in the fusion bed above is a confounder.",
                "Coronal bone scan schematic of the pelvis: an H-shaped band of increased uptake across the sacrum.",
                style="spect",
                level="L5-S1",
                findings=[
                    {
                        **_f(
                            "sacral_insufficiency_fracture",
                            "honda-uptake",
                            "H-shaped ('Honda') sacral uptake",
                        ),
                        "bilateral": True,
                    }
                ],
            ),
        ],
    },
]
