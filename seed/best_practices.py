"""The best-practice library: real US programmes of response to 911 and crisis calls.

Data only, loaded with services.solve.best_practices.upsert_library. Descriptions are our own
short summaries of public sources; results are what the programme or its evaluators
reported, not findings of ours. Check the source before quoting a figure in a meeting.
"""

LIBRARY: list[dict[str, str]] = [
    {
        "name": "CAHOOTS (Crisis Assistance Helping Out On The Streets)",
        "city": "Eugene, OR",
        "model": "civilian_responder",
        "summary": (
            "Unarmed two-person vans sent through the 911 and police non-emergency lines to "
            "welfare checks, mental health and substance use crises, and people without "
            "housing. Run by the non-profit White Bird Clinic since 1989 and the model many "
            "later programmes copied."
        ),
        "staffing": "A medic (nurse, paramedic or EMT) paired with a trained crisis worker.",
        "evidence": (
            "White Bird reported that CAHOOTS answered roughly 17% of Eugene police call "
            "volume in 2017 and asked for police backup in only a small share of calls. "
            "Eugene was reported to have ended its contract in 2025 amid the clinic's "
            "financial difficulties."
        ),
        "source_url": "https://whitebirdclinic.org/cahoots/",
    },
    {
        "name": "STAR (Support Team Assisted Response)",
        "city": "Denver, CO",
        "model": "civilian_responder",
        "summary": (
            "Denver 911 dispatches a van without police to low-risk calls such as welfare "
            "checks, trespass, intoxication and mental health distress. Piloted in 2020 and "
            "later expanded citywide under the city's public health department."
        ),
        "staffing": "A behavioral health clinician with a paramedic or EMT.",
        "evidence": (
            "A 2022 study in Science Advances (Dee and Pyne) reported fewer reports of the "
            "targeted low-level offences in the pilot area during the first months of the "
            "programme."
        ),
        "source_url": (
            "https://www.denvergov.org/Government/Agencies-Departments-Offices/"
            "Agencies-Departments-Offices-Directory/Public-Health-Environment/"
            "Community-Behavioral-Health/Behavioral-Health-Strategies/"
            "Support-Team-Assisted-Response-STAR-Program"
        ),
    },
    {
        "name": "Portland Street Response",
        "city": "Portland, OR",
        "model": "civilian_responder",
        "summary": (
            "A non-police team inside Portland Fire & Rescue that answers calls about people "
            "in mental health crisis or living outside. Began as a pilot in the Lents "
            "neighbourhood in 2021 and grew citywide."
        ),
        "staffing": (
            "Firefighter paramedics, mental health crisis responders, community health "
            "workers and peer support specialists."
        ),
        "evidence": (
            "Portland State University evaluators reported positive feedback from people "
            "served and from other first responders; the programme's scope and hours were "
            "later the subject of public debate."
        ),
        "source_url": "https://www.portland.gov/streetresponse",
    },
    {
        "name": "Albuquerque Community Safety (ACS)",
        "city": "Albuquerque, NM",
        "model": "civilian_responder",
        "summary": (
            "A city department on a par with police and fire that sends unarmed responders "
            "to non-violent, non-medical 911 calls about behavioral health, homelessness and "
            "welfare checks. Began answering calls in 2021."
        ),
        "staffing": (
            "Behavioral health responders, community responders and licensed clinicians, "
            "many with social work or counselling backgrounds."
        ),
        "evidence": (
            "The city has reported a steadily growing number of calls handled by ACS "
            "instead of police; independent outcome evaluation is still limited."
        ),
        "source_url": "https://www.cabq.gov/acs",
    },
    {
        "name": "B-HEARD (Behavioral Health Emergency Assistance Response Division)",
        "city": "New York City, NY",
        "model": "civilian_responder",
        "summary": (
            "Health teams sent by 911 to mental health calls without weapons or imminent "
            "violence, starting in East Harlem in 2021 and expanded to more precincts. The "
            "Fire Department's EMS and the public hospital system run it together."
        ),
        "staffing": (
            "FDNY EMTs or paramedics with a mental health professional, usually a social worker."
        ),
        "evidence": (
            "City data were reported to show fewer hospital transports when B-HEARD "
            "responded, while critics reported that only a minority of mental health calls "
            "in the pilot area were routed to it."
        ),
        "source_url": "https://mentalhealth.cityofnewyork.us/b-heard",
    },
    {
        "name": "Crisis Intervention Team (CIT) — the Memphis Model",
        "city": "Memphis, TN",
        "model": "cit_training",
        "summary": (
            "Volunteer patrol officers take about 40 hours of training in mental illness, "
            "de-escalation and local services, and are dispatched to crisis calls, with a "
            "receiving facility that accepts people quickly. Started in Memphis in 1988 and "
            "copied by thousands of agencies."
        ),
        "staffing": (
            "Specially trained police officers, working with mental health providers, "
            "families and people with lived experience who help teach the course."
        ),
        "evidence": (
            "Studies have reported better officer knowledge and more referrals to treatment; "
            "evidence that CIT alone reduces arrests or injuries is reported as mixed."
        ),
        "source_url": "https://www.citinternational.org/",
    },
    {
        "name": "Crisis Call Diversion Program",
        "city": "Houston, TX",
        "model": "call_triage",
        "summary": (
            "Mental health counsellors sit in the Houston Emergency Center and take over "
            "non-violent 911 calls with a mental health element, resolving many by phone and "
            "arranging follow-up care or a mobile crisis team when needed."
        ),
        "staffing": (
            "Licensed phone counsellors from the Harris Center for Mental Health and IDD, "
            "working beside 911 call takers, with Houston police and fire."
        ),
        "evidence": (
            "Program partners reported thousands of calls diverted from police and fire "
            "since 2016 and estimated savings in first-responder time; a formal federal "
            "evaluation was funded in 2022."
        ),
        "source_url": (
            "https://hcintercept.org/Community-Services/Crisis-Care-Continuum/Crisis-Call-Diversion"
        ),
    },
    {
        "name": "RIGHT Care (Rapid Integrated Group Healthcare Team)",
        "city": "Dallas, TX",
        "model": "co_responder",
        "summary": (
            "A three-person team answers 911 mental health calls, with the clinician taking "
            "the lead once the scene is safe; a clinician in the 911 centre also supports "
            "calls. Began in south central Dallas in 2018 and expanded citywide."
        ),
        "staffing": (
            "A Dallas police officer, a Dallas Fire-Rescue paramedic and a Parkland Health "
            "social worker or clinician."
        ),
        "evidence": (
            "Partners reported fewer psychiatric emergency-room admissions and fewer arrests "
            "in the areas served than before the programme."
        ),
        "source_url": "https://mmhpi.org/project/right-care/",
    },
    {
        "name": "Street Crisis Response Team (SCRT)",
        "city": "San Francisco, CA",
        "model": "civilian_responder",
        "summary": (
            "Non-police teams sent by 911 to people in behavioral health crisis on the "
            "street, who then link them to shelter, treatment or follow-up care. Launched in "
            "2020 by the public health and fire departments; team make-up has changed since."
        ),
        "staffing": (
            "A community paramedic, with an EMT and a peer or homeless outreach specialist; "
            "clinicians provide follow-up."
        ),
        "evidence": (
            "The city reported more than 5,000 calls answered in the first year and "
            "published an evaluation of the pilot year; outcomes after the hand-off to "
            "services are less well documented."
        ),
        "source_url": "https://sf.gov/street-crisis-response-team",
    },
    {
        "name": "Crisis Response Unit (CRU)",
        "city": "Olympia, WA",
        "model": "civilian_responder",
        "summary": (
            "Unarmed responders within the police department who take calls about mental "
            "health, substance use and homelessness from 911 or from officers, offering "
            "counselling, mediation, first aid and transport to services. Started in 2019, "
            "modelled on CAHOOTS."
        ),
        "staffing": (
            "Civilian crisis response specialists, originally contracted from RI International."
        ),
        "evidence": (
            "The police department reported that the unit handled most of its calls without "
            "officer backup and that its call volume grew year on year."
        ),
        "source_url": (
            "https://csgjusticecenter.org/publications/expanding-first-response/"
            "program-highlights/olympia-wa/"
        ),
    },
    {
        "name": "Cure Violence",
        "city": "Chicago, IL",
        "model": "violence_intervention",
        "summary": (
            "Treats gun violence like a contagious disease: credible local workers spot "
            "brewing conflicts, mediate before retaliation, and work with those at highest "
            "risk. Began as CeaseFire Chicago in 2000 and is now used in many cities."
        ),
        "staffing": "Violence interrupters and outreach workers from the neighbourhoods served.",
        "evidence": (
            "Several evaluations have reported drops in shootings at some sites, while "
            "others reported little or no effect; results are reported to depend on how "
            "well each site is run."
        ),
        "source_url": "https://cvg.org/",
    },
    {
        "name": "Advance Peace — Peacemaker Fellowship",
        "city": "Richmond, CA",
        "model": "violence_intervention",
        "summary": (
            "An 18-month fellowship for the few young men most likely to shoot or be shot, "
            "with daily mentoring, life plans and support, kept independent of police. "
            "Grew out of Richmond's Office of Neighborhood Safety (2007)."
        ),
        "staffing": (
            "Neighborhood Change Agents, often formerly incarcerated people from the same "
            "communities."
        ),
        "evidence": (
            "Richmond reported large falls in firearm assaults after the fellowship began, "
            "and a 2019 peer-reviewed study reported fewer gun deaths and injuries there; "
            "evaluations in other cities are fewer and less conclusive."
        ),
        "source_url": "https://www.advancepeace.org/",
    },
    {
        "name": "MACRO (Mobile Assistance Community Responders of Oakland)",
        "city": "Oakland, CA",
        "model": "civilian_responder",
        "summary": (
            "A program of the Oakland Fire Department that answers non-violent, non-criminal "
            "calls such as wellness checks, people in mental distress and disturbances. "
            "Launched in 2022, modelled on CAHOOTS; it does not arrest or clear encampments."
        ),
        "staffing": "An EMT paired with a community intervention specialist.",
        "evidence": (
            "The city has reported call volumes and service connections; independent "
            "evaluation of outcomes was still limited at last check."
        ),
        "source_url": (
            "https://www.oaklandca.gov/Public-Safety-Streets/Crime-Prevention/"
            "Mobile-Assistance-Community-Responders-of-Oakland-MACRO"
        ),
    },
    {
        "name": "HEART (Holistic Empathetic Assistance Response Teams)",
        "city": "Durham, NC",
        "model": "other",
        "summary": (
            "Durham's Community Safety Department combines four parts: clinicians in the 911 "
            "centre, unarmed response teams, follow-up care navigation, and clinicians who "
            "co-respond with police on riskier calls. Launched in 2022."
        ),
        "staffing": (
            "Mental health clinicians, peer support specialists and EMTs, with police for "
            "the co-response unit."
        ),
        "evidence": (
            "The department publishes a public data dashboard and has reported that its "
            "response teams resolved most of the calls they took without police."
        ),
        "source_url": "https://www.durhamnc.gov/4576/Community-Safety",
    },
    {
        "name": "Safe Streets Baltimore",
        "city": "Baltimore, MD",
        "model": "violence_intervention",
        "summary": (
            "Baltimore's version of the Cure Violence approach, running since 2007: "
            "neighbourhood sites whose staff mediate disputes before they turn into "
            "shootings and connect people at risk with services."
        ),
        "staffing": (
            "Violence interrupters and outreach workers with credibility in the "
            "neighbourhood, funded through the Mayor's Office of Neighborhood Safety and "
            "Engagement."
        ),
        "evidence": (
            "A 2023 Johns Hopkins evaluation reported roughly 20% fewer nonfatal shootings "
            "near sites overall, with effects varying between sites and over time."
        ),
        "source_url": "https://monse.baltimorecity.gov/",
    },
    {
        "name": "988 Suicide & Crisis Lifeline",
        "city": "Nationwide (US)",
        "model": "call_triage",
        "summary": (
            "A three-digit number, live since July 2022, that routes calls, texts and chats "
            "about suicide, mental health or substance use to a network of local crisis "
            "centres. Some 911 centres transfer suitable calls to it."
        ),
        "staffing": "Trained crisis counsellors at some 200 local crisis centres.",
        "evidence": (
            "Federal agencies reported a large rise in contacts after launch; the Lifeline "
            "reports that few calls need emergency services, but how 911 and 988 share calls "
            "still varies by state."
        ),
        "source_url": "https://988lifeline.org/",
    },
    {
        "name": "SMART (Systemwide Mental Assessment Response Teams)",
        "city": "Los Angeles, CA",
        "model": "co_responder",
        "summary": (
            "LAPD's Mental Evaluation Unit sends a police officer and a county mental health "
            "clinician together to calls involving people in mental health crisis, aiming to "
            "avoid jail or forced hospitalisation. Among the oldest co-responder programmes, "
            "dating from 1993."
        ),
        "staffing": (
            "An LAPD officer paired with a Los Angeles County Department of Mental Health "
            "clinician."
        ),
        "evidence": (
            "The department reported diversion of many people to treatment; a city "
            "controller review later reported that patrol officers still lead most responses and "
            "clinicians are often sidelined."
        ),
        "source_url": (
            "https://www.lamayor.org/mayor_garcetti_announces_expansion_of_lapd_smart_teams"
        ),
    },
]

# Each programme's summary in Spanish, kept as a translation of the English (marked as one
# on the Solve screen, the English one tap away). Names, cities, staffing and results stay
# in English: they are the programmes' own words and figures, checked against the source.
SPANISH_SUMMARIES: dict[str, str] = {
    "CAHOOTS (Crisis Assistance Helping Out On The Streets)": (
        "Camionetas con dos personas sin armas, enviadas por el 911 y la línea de la "
        "policía para casos que no son emergencias, a verificaciones de bienestar, crisis de "
        "salud mental y de consumo de sustancias, y personas sin vivienda. La dirige la "
        "organización sin fines de lucro White Bird Clinic desde 1989 y es el modelo que "
        "muchos programas copiaron después."
    ),
    "STAR (Support Team Assisted Response)": (
        "El 911 de Denver envía una camioneta sin policía a llamadas de bajo riesgo, como "
        "verificaciones de bienestar, entrada sin permiso, intoxicación y angustia por salud "
        "mental. Comenzó como piloto en 2020 y luego se extendió a toda la ciudad bajo el "
        "departamento de salud pública."
    ),
    "Portland Street Response": (
        "Un equipo sin policía dentro de Portland Fire & Rescue que atiende llamadas sobre "
        "personas en crisis de salud mental o que viven en la calle. Comenzó como piloto en "
        "el vecindario de Lents en 2021 y creció a toda la ciudad."
    ),
    "Albuquerque Community Safety (ACS)": (
        "Un departamento de la ciudad al mismo nivel que la policía y los bomberos, que envía "
        "personal sin armas a llamadas al 911 no violentas y no médicas sobre salud "
        "conductual, personas sin hogar y verificaciones de bienestar. Empezó a atender "
        "llamadas en 2021."
    ),
    "B-HEARD (Behavioral Health Emergency Assistance Response Division)": (
        "Equipos de salud enviados por el 911 a llamadas de salud mental sin armas ni "
        "violencia inminente; comenzaron en East Harlem en 2021 y se extendieron a más "
        "distritos policiales. Lo dirigen juntos los servicios médicos de emergencia del "
        "Departamento de Bomberos y el sistema de hospitales públicos."
    ),
    "Crisis Intervention Team (CIT) — the Memphis Model": (
        "Agentes de patrulla voluntarios reciben unas 40 horas de capacitación sobre "
        "enfermedad mental, desescalada y servicios locales, y se envían a llamadas de "
        "crisis, con un centro de recepción que acoge a las personas con rapidez. Comenzó en "
        "Memphis en 1988 y lo han copiado miles de agencias."
    ),
    "Crisis Call Diversion Program": (
        "Consejeros de salud mental trabajan en el Houston Emergency Center y se hacen cargo "
        "de llamadas al 911 no violentas con un componente de salud mental; resuelven muchas "
        "por teléfono y coordinan atención de seguimiento o un equipo móvil de crisis cuando "
        "hace falta."
    ),
    "RIGHT Care (Rapid Integrated Group Healthcare Team)": (
        "Un equipo de tres personas atiende llamadas al 911 de salud mental, y el clínico "
        "toma la iniciativa una vez que la escena es segura; un clínico en el centro del 911 "
        "también apoya las llamadas. Comenzó en el centro-sur de Dallas en 2018 y se extendió "
        "a toda la ciudad."
    ),
    "Street Crisis Response Team (SCRT)": (
        "Equipos sin policía enviados por el 911 a personas en crisis de salud conductual en "
        "la calle, que luego las conectan con albergue, tratamiento o atención de "
        "seguimiento. Lo lanzaron en 2020 los departamentos de salud pública y de bomberos; "
        "la composición de los equipos ha cambiado desde entonces."
    ),
    "Crisis Response Unit (CRU)": (
        "Personal sin armas dentro del departamento de policía que atiende llamadas sobre "
        "salud mental, consumo de sustancias y personas sin hogar, del 911 o de los agentes, "
        "y ofrece consejería, mediación, primeros auxilios y traslado a servicios. Comenzó "
        "en 2019, siguiendo el modelo de CAHOOTS."
    ),
    "Cure Violence": (
        "Trata la violencia armada como una enfermedad contagiosa: trabajadores locales con "
        "credibilidad detectan conflictos que se están gestando, median antes de las "
        "represalias y trabajan con quienes corren más riesgo. Comenzó como CeaseFire "
        "Chicago en 2000 y hoy se usa en muchas ciudades."
    ),
    "Advance Peace — Peacemaker Fellowship": (
        "Una beca de 18 meses para los pocos jóvenes con más probabilidad de disparar o de "
        "recibir un disparo, con mentoría diaria, planes de vida y apoyo, independiente de "
        "la policía. Surgió de la Oficina de Seguridad Vecinal de Richmond (2007)."
    ),
    "MACRO (Mobile Assistance Community Responders of Oakland)": (
        "Un programa del Departamento de Bomberos de Oakland que atiende llamadas no "
        "violentas y no delictivas, como verificaciones de bienestar, personas con angustia "
        "mental y disturbios. Comenzó en 2022 siguiendo el modelo de CAHOOTS; no arresta ni "
        "desaloja campamentos."
    ),
    "HEART (Holistic Empathetic Assistance Response Teams)": (
        "El Departamento de Seguridad Comunitaria de Durham reúne cuatro partes: clínicos en "
        "el centro del 911, equipos de respuesta sin armas, orientación para la atención de "
        "seguimiento y clínicos que responden junto con la policía en las llamadas de más "
        "riesgo. Comenzó en 2022."
    ),
    "Safe Streets Baltimore": (
        "La versión de Baltimore del enfoque Cure Violence, en marcha desde 2007: sedes en "
        "los vecindarios cuyo personal media en disputas antes de que terminen en tiroteos y "
        "conecta a las personas en riesgo con servicios."
    ),
    "988 Suicide & Crisis Lifeline": (
        "Un número de tres dígitos, activo desde julio de 2022, que dirige llamadas, "
        "mensajes de texto y chats sobre suicidio, salud mental o consumo de sustancias a una "
        "red de centros de crisis locales. Algunos centros del 911 le transfieren las "
        "llamadas adecuadas."
    ),
    "SMART (Systemwide Mental Assessment Response Teams)": (
        "La Unidad de Evaluación Mental del LAPD envía juntos a un agente de policía y a un "
        "clínico de salud mental del condado a llamadas con personas en crisis de salud "
        "mental, para evitar la cárcel o la hospitalización forzada. Es uno de los programas "
        "de respuesta conjunta más antiguos: data de 1993."
    ),
}

SPANISH_STAFFING: dict[str, str] = {
    "CAHOOTS (Crisis Assistance Helping Out On The Streets)": (
        "Una persona de atención médica (enfermera, paramédico o técnico en emergencias "
        "médicas) junto con un trabajador de crisis capacitado."
    ),
    "STAR (Support Team Assisted Response)": (
        "Un clínico de salud conductual con un paramédico o técnico en emergencias médicas."
    ),
    "Portland Street Response": (
        "Bomberos paramédicos, personal de respuesta a crisis de salud mental, trabajadores "
        "de salud comunitaria y especialistas de apoyo entre pares."
    ),
    "Albuquerque Community Safety (ACS)": (
        "Personal de respuesta en salud conductual, personal de respuesta comunitaria y "
        "clínicos con licencia, muchos con formación en trabajo social o consejería."
    ),
    "B-HEARD (Behavioral Health Emergency Assistance Response Division)": (
        "Técnicos en emergencias médicas o paramédicos del Departamento de Bomberos de Nueva "
        "York con un profesional de salud mental, por lo general un trabajador social."
    ),
    "Crisis Intervention Team (CIT) — the Memphis Model": (
        "Agentes de policía con capacitación especial, que trabajan con proveedores de salud "
        "mental, familias y personas con experiencia vivida que ayudan a impartir el curso."
    ),
    "Crisis Call Diversion Program": (
        "Consejeros telefónicos con licencia del Harris Center for Mental Health and IDD, "
        "junto a quienes reciben las llamadas al 911, con la policía y los bomberos de "
        "Houston."
    ),
    "RIGHT Care (Rapid Integrated Group Healthcare Team)": (
        "Un agente de la policía de Dallas, un paramédico de Dallas Fire-Rescue y un "
        "trabajador social o clínico de Parkland Health."
    ),
    "Street Crisis Response Team (SCRT)": (
        "Un paramédico comunitario, con un técnico en emergencias médicas y un especialista "
        "de apoyo entre pares o de alcance a personas sin hogar; los clínicos hacen el "
        "seguimiento."
    ),
    "Crisis Response Unit (CRU)": (
        "Especialistas civiles en respuesta a crisis, contratados en un principio a RI "
        "International."
    ),
    "Cure Violence": (
        "Mediadores de violencia y trabajadores de alcance comunitario de los mismos "
        "vecindarios que atienden."
    ),
    "Advance Peace — Peacemaker Fellowship": (
        "Agentes de Cambio del Vecindario, a menudo personas que estuvieron en prisión y que "
        "vienen de las mismas comunidades."
    ),
    "MACRO (Mobile Assistance Community Responders of Oakland)": (
        "Un técnico en emergencias médicas junto con un especialista en intervención comunitaria."
    ),
    "HEART (Holistic Empathetic Assistance Response Teams)": (
        "Clínicos de salud mental, especialistas de apoyo entre pares y técnicos en "
        "emergencias médicas, con la policía en la unidad de respuesta conjunta."
    ),
    "Safe Streets Baltimore": (
        "Mediadores de violencia y trabajadores de alcance comunitario con credibilidad en el "
        "vecindario, financiados por la Oficina del Alcalde para la Seguridad y la "
        "Participación Vecinal."
    ),
    "988 Suicide & Crisis Lifeline": (
        "Consejeros de crisis capacitados en unos 200 centros de crisis locales."
    ),
    "SMART (Systemwide Mental Assessment Response Teams)": (
        "Un agente del LAPD junto con un clínico del Departamento de Salud Mental del "
        "Condado de Los Ángeles."
    ),
}
"""Each programme's staffing in Spanish, by its name: kept as its stored translation."""

SPANISH_EVIDENCE: dict[str, str] = {
    "CAHOOTS (Crisis Assistance Helping Out On The Streets)": (
        "White Bird informó que CAHOOTS atendió cerca del 17 % del volumen de llamadas a la "
        "policía de Eugene en 2017 y pidió apoyo policial solo en una pequeña parte de las "
        "llamadas. Se informó que Eugene terminó su contrato en 2025, en medio de las "
        "dificultades financieras de la clínica."
    ),
    "STAR (Support Team Assisted Response)": (
        "Un estudio de 2022 en Science Advances (Dee y Pyne) informó menos denuncias de los "
        "delitos menores en cuestión en la zona piloto durante los primeros meses del "
        "programa."
    ),
    "Portland Street Response": (
        "Los evaluadores de Portland State University informaron opiniones positivas de las "
        "personas atendidas y de otros servicios de primera respuesta; el alcance y el "
        "horario del programa fueron luego objeto de debate público."
    ),
    "Albuquerque Community Safety (ACS)": (
        "La ciudad ha informado un número cada vez mayor de llamadas atendidas por ACS en "
        "lugar de la policía; la evaluación independiente de los resultados sigue siendo "
        "limitada."
    ),
    "B-HEARD (Behavioral Health Emergency Assistance Response Division)": (
        "Se informó que los datos de la ciudad muestran menos traslados al hospital cuando "
        "respondió B-HEARD, mientras que sus críticos señalaron que solo una minoría de las "
        "llamadas de salud mental de la zona piloto se le enviaron."
    ),
    "Crisis Intervention Team (CIT) — the Memphis Model": (
        "Los estudios han informado que los agentes saben más y derivan más personas a "
        "tratamiento; la evidencia de que CIT por sí solo reduce los arrestos o las lesiones "
        "se describe como mixta."
    ),
    "Crisis Call Diversion Program": (
        "Los socios del programa informaron miles de llamadas desviadas de la policía y los "
        "bomberos desde 2016 y estimaron ahorros en tiempo de los servicios de primera "
        "respuesta; en 2022 se financió una evaluación federal formal."
    ),
    "RIGHT Care (Rapid Integrated Group Healthcare Team)": (
        "Los socios informaron menos ingresos a salas de emergencia psiquiátrica y menos "
        "arrestos en las zonas atendidas que antes del programa."
    ),
    "Street Crisis Response Team (SCRT)": (
        "La ciudad informó más de 5,000 llamadas atendidas en el primer año y publicó una "
        "evaluación del año piloto; los resultados después de la derivación a los servicios "
        "están menos documentados."
    ),
    "Crisis Response Unit (CRU)": (
        "El departamento de policía informó que la unidad atendió la mayoría de sus llamadas "
        "sin apoyo de agentes y que su volumen de llamadas creció año tras año."
    ),
    "Cure Violence": (
        "Varias evaluaciones han informado descensos de los tiroteos en algunos lugares, y "
        "otras poco o ningún efecto; se informa que los resultados dependen de qué tan bien "
        "funcione cada lugar."
    ),
    "Advance Peace — Peacemaker Fellowship": (
        "Richmond informó grandes descensos de las agresiones con armas de fuego después de "
        "que comenzó el programa, y un estudio revisado por pares de 2019 informó allí menos "
        "muertes y lesiones por armas de fuego; las evaluaciones en otras ciudades son menos "
        "y menos concluyentes."
    ),
    "MACRO (Mobile Assistance Community Responders of Oakland)": (
        "La ciudad ha informado volúmenes de llamadas y conexiones con servicios; la "
        "evaluación independiente de los resultados seguía siendo limitada en la última "
        "revisión."
    ),
    "HEART (Holistic Empathetic Assistance Response Teams)": (
        "El departamento publica un tablero de datos abierto al público y ha informado que "
        "sus equipos de respuesta resolvieron sin policía la mayoría de las llamadas que "
        "atendieron."
    ),
    "Safe Streets Baltimore": (
        "Una evaluación de Johns Hopkins de 2023 informó cerca de un 20 % menos de tiroteos "
        "no mortales cerca de los lugares en general, con efectos que varían entre lugares y "
        "con el tiempo."
    ),
    "988 Suicide & Crisis Lifeline": (
        "Las agencias federales informaron un gran aumento de contactos después del "
        "lanzamiento; la Lifeline informa que pocas llamadas necesitan servicios de "
        "emergencia, pero la forma en que el 911 y el 988 se reparten las llamadas todavía "
        "varía según el estado."
    ),
    "SMART (Systemwide Mental Assessment Response Teams)": (
        "El departamento informó que muchas personas fueron derivadas a tratamiento; una "
        "revisión posterior del contralor de la ciudad informó que los agentes de patrulla "
        "todavía dirigen la mayoría de las respuestas y que a menudo se deja de lado a los "
        "clínicos."
    ),
}
"""Each programme's reported results in Spanish, by its name."""

for _entry in LIBRARY:
    _entry["summary_es"] = SPANISH_SUMMARIES[_entry["name"]]
    _entry["staffing_es"] = SPANISH_STAFFING[_entry["name"]]
    _entry["evidence_es"] = SPANISH_EVIDENCE[_entry["name"]]
