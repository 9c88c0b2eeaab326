"""The standard agenda: a six-hour session that follows the seven skills in order.

A new meeting starts from it in one click (the facilitator then edits it); the demo uses it
too. The trust statements are the ones the survey asks before and after, unless changed.
"""

from __future__ import annotations

from db.models.enums import Skill, Step
from i18n import N_

# (title, step, skill, minutes, goal, prompt)
STANDARD_AGENDA: list[tuple[str, Step, Skill | None, int, str, str]] = [
    (
        "Welcome and purpose",
        Step.WELCOME,
        None,
        15,
        "Everyone knows why we are here and how the day will run.",
        "What would make today worth your time?",
    ),
    (
        "Active listening in pairs",
        Step.LISTEN,
        Skill.ACTIVE_LISTENING,
        30,
        "Each person is heard and paraphrased back until they say 'yes, that's it'.",
        "Tell your partner about a time you called 911 or answered a call. What happened?",
    ),
    (
        "Dialogue at the tables",
        Step.LISTEN,
        Skill.DIALOGUE,
        40,
        "Understand what each group needs from public safety, beneath its positions.",
        "What does a safe neighborhood look like to you, and what gets in the way?",
    ),
    (
        "Ideas for better 911 response",
        Step.DIVERGE,
        Skill.DIVERGENT_CONVERGENT,
        35,
        "As many ideas as the room can produce, without judging them yet.",
        "Who should respond when someone calls 911 about a person in crisis?",
    ),
    (
        "Choosing what matters most",
        Step.CONVERGE,
        Skill.DIVERGENT_CONVERGENT,
        25,
        "Find the ideas every group can back.",
        "Place your dots on the ideas you most want the city to act on.",
    ),
    (
        "Building options from best practice",
        Step.SOLVE,
        Skill.CREATIVE_PROBLEM_SOLVING,
        45,
        "Turn the top themes into options drawn from programmes that work elsewhere.",
        "How could our city adapt what Eugene, Denver or Albuquerque do?",
    ),
    (
        "Working through disagreements",
        Step.RESOLVE,
        Skill.WIN_WIN,
        35,
        "Agreements that meet the interests of both sides.",
        "What does each side need, and what option would meet both?",
    ),
    (
        "Our partnering charter",
        Step.PARTNER,
        Skill.PARTNERING,
        35,
        "A mission, ground rules and commitments every group can sign.",
        "What will your group commit to?",
    ),
    (
        "Action plan and next meeting",
        Step.ACT,
        Skill.TEAM_PROBLEM_SOLVING,
        40,
        "SMART actions with owners and dates, and when we meet to follow up.",
        "What will happen by when, and who will make sure it does?",
    ),
    (
        "Close and feedback",
        Step.CLOSE,
        None,
        10,
        "Everyone says what worked and what should change.",
        "One word for how you leave today.",
    ),
]

# Marked for the catalogue: the survey shows them in its reader's language, marked as a
# translation, the English one tap away (components/ratings.py).
STANDARD_TRUST_STATEMENTS = [
    N_("The police department listens to residents like me."),
    N_("People like me have a say in public safety decisions."),
    N_("When I call 911, I trust the right kind of help will come."),
]

# The standard agenda in Spanish, by the English title: (title, goal, prompt). Kept as
# translations of the English steps (services/translations), so a Spanish reader sees the
# Spanish marked as a translation, with the English one tap away.
STANDARD_AGENDA_SPANISH: dict[str, tuple[str, str, str]] = {
    "Welcome and purpose": (
        "Bienvenida y propósito",
        "Todas las personas saben por qué estamos aquí y cómo será la jornada.",
        "¿Qué haría que hoy valiera la pena su tiempo?",
    ),
    "Active listening in pairs": (
        "Escucha activa en parejas",
        "Cada persona es escuchada y su idea se repite con otras palabras hasta que diga "
        "«sí, eso es».",
        "Cuéntele a su pareja una vez que llamó al 911 o que atendió una llamada. ¿Qué pasó?",
    ),
    "Dialogue at the tables": (
        "Diálogo en las mesas",
        "Entender lo que cada grupo necesita de la seguridad pública, más allá de sus posturas.",
        "¿Cómo es para usted un vecindario seguro, y qué lo impide?",
    ),
    "Ideas for better 911 response": (
        "Ideas para una mejor respuesta al 911",
        "Todas las ideas que la sala pueda producir, sin juzgarlas todavía.",
        "¿Quién debería responder cuando alguien llama al 911 por una persona en crisis?",
    ),
    "Choosing what matters most": (
        "Elegir lo que más importa",
        "Encontrar las ideas que todos los grupos pueden respaldar.",
        "Ponga sus puntos en las ideas que más quiere que la ciudad lleve a cabo.",
    ),
    "Building options from best practice": (
        "Construir opciones a partir de buenas prácticas",
        "Convertir los temas principales en opciones basadas en programas que funcionan en "
        "otros lugares.",
        "¿Cómo podría nuestra ciudad adaptar lo que hacen Eugene, Denver o Albuquerque?",
    ),
    "Working through disagreements": (
        "Resolver los desacuerdos",
        "Acuerdos que atiendan los intereses de ambas partes.",
        "¿Qué necesita cada parte, y qué opción atendería a ambas?",
    ),
    "Our partnering charter": (
        "Nuestra carta de colaboración",
        "Una misión, reglas básicas y compromisos que todos los grupos puedan firmar.",
        "¿A qué se compromete su grupo?",
    ),
    "Action plan and next meeting": (
        "Plan de acción y próxima reunión",
        "Acciones SMART con responsables y fechas, y cuándo nos reunimos para el seguimiento.",
        "¿Qué se hará, para cuándo, y quién se asegurará de que se haga?",
    ),
    "Close and feedback": (
        "Cierre y comentarios",
        "Cada persona dice qué funcionó y qué debería cambiar.",
        "Una palabra para describir cómo se va hoy.",
    ),
}
AGENDA_FIELDS = ("title", "goal", "prompt")
"""The fields of a step that carry a translation, in the order of STANDARD_AGENDA_SPANISH."""
