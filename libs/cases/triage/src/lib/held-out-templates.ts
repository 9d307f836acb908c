/**
 * The held-out templates: a second, separately written pool per subtopic, used only to evaluate. Their
 * wording differs from the training templates (other verbs, other situations, other sentence shapes), so
 * a classifier scores well here only if it generalises from the topic's vocabulary, not if it memorised
 * the training sentences. They were written before any model was measured against them and must not be
 * edited to suit a model: improve the features or the training templates instead.
 */
import type { TemplatePool } from './training-templates';

export const HELD_OUT_TEMPLATES: Readonly<Record<string, TemplatePool>> = {
  'Bus delay': {
    en: [
      '[Running late again.|Again!] Route {bus} [pulled up|came by] at {time}, [way past|well after] the scheduled pickup. [My kids|{kid}] will be tardy [for sure|again].',
      "Any idea [when|how soon] the bus will get here? [We've been at the corner|We are still at the stop] since {time} [and it's freezing|in the rain].",
      '[For the past two weeks|Lately] the {school} bus drops off [really|super] late in the afternoon, sometimes close to {time}. [Is the schedule changing?|Can this be fixed?]',
      'Bus {bus} is delayed [again|every morning], which makes {kid} [miss the start of class|late for school]. Please [fix the timing|address this].',
    ],
    es: [
      'El camión de la ruta {bus} [no ha llegado|no pasó] [y ya es tarde|hoy]. ¿Saben si viene con retraso?',
    ],
  },
  'Bus stop or route': {
    en: [
      '[Is there|We need] a stop [any closer to|near] {street}? {kid} [currently|] has to walk [past the highway|through an empty lot] to reach the [pickup point|stop].',
      '[Please send|How do I get] the route [number|info] and pickup location for {child}, who starts at {school} [in {month}|next week].',
      'Our [neighborhood|street] got [dropped from|cut from] the [route|bus line] this year. [Who decided that?|Can it be added back?] [Many families|Lots of kids] on {street} [rely on it|need it].',
      'Please add a [stop|bus stop] at {street} [instead of|rather than] the one at {street}. It would [save|cut] [a long walk|fifteen minutes] for [several|many] families.',
    ],
    es: [
      'Vivimos en {street}. ¿Pueden poner una parada más cerca? [Los niños|Mis hijos] caminan mucho para llegar a la ruta.',
    ],
  },
  'Driver conduct': {
    en: [
      "[Today|{day}] the [bus driver|driver of bus {bus}] [lost his temper|lost her temper] and [grabbed|shoved] {kid}'s backpack. [I need to speak with someone.|Please call me.]",
      'I [saw|watched] bus {bus} [blow through|run] a red light on {street} [with kids aboard|full of students]. [The driver needs to be talked to.|Please investigate the driver.]',
      "The [new|sub] driver [keeps|has been] [using bad language|swearing] and [calling kids names|insulting the kids]. {kid} [doesn't want to ride anymore|is scared to get on].",
      '[Please look into|Concern about] the driver [of route {bus}|] [who|that] [closes the door|pulls away] before [the kids|{kid}] can [get on|board].',
    ],
    es: [
      'Quiero reportar al chofer de la ruta {bus}. [Insultó a|Le faltó el respeto a] {hijo} y a otros niños.',
    ],
  },
  Eligibility: {
    en: [
      "[What are the requirements|Who qualifies] for [school bus|bus] [service|transportation] [at|for] {school}? {kid} [starts in {grade}|is in {grade}] and we don't [have a car|drive].",
      'Our transportation [request|application] got [rejected|denied] [because of distance|] [but|even though] {kid} has to cross [a four-lane road|the highway]. I would like to appeal.',
      '[Since|Now that] {kid} [is in a magnet program|goes to a choice school], [are we still entitled to|can we still get] busing?',
      "Is there a [distance rule|mileage limit] [for riding|to ride] the bus? [We're right on the edge.|We live just under two miles away.]",
    ],
    es: ['¿Qué requisitos hay para que {hijo} pueda usar el transporte escolar? Vivimos en {street}.'],
  },
  'New student': {
    en: [
      "We're [relocating|moving] [here|to town] [next month|in {month}]. What's the process [to get|for getting] {kid} [registered|signed up] [for {grade}|at {school}]?",
      '[Is there a checklist of|What] [paperwork|papers] [is|are] [required|needed] for [new enrollment|registering a new student]? [Proof of residency, shots, etc?|]',
      "I'd like to [sign up|register] {child} for [kinder|pre-K] at {school}. [Are there still spots?|Is there a waitlist?]",
      '[How soon|When] can a new student [begin classes|start attending] once the [registration|enrollment] [forms are submitted|is done]?',
    ],
    es: ['Acabamos de llegar [a la ciudad|al distrito]. ¿Dónde puedo registrar a {hijo} para la escuela?'],
  },
  Transfer: {
    en: [
      '[Please let me know how|How do I go about] moving {kid} [over|] to {school} [mid-year|for second semester]. [The commute is too long.|]',
      '[We got a letter that|We heard] our [transfer|school choice] application [was not approved|was declined]. [What are our options?|Is there an appeals process?]',
      "[Withdrawing|We're withdrawing] {child} [this Friday|at the end of the month] [because we're relocating|since we're leaving the state]. [Is there a form?|What's the process?]",
      '[Is there space|Any open seats] at {school} for a [student transferring|transfer student] [from another district|from a neighboring district]?',
    ],
    es: [
      'Nos vamos a cambiar de casa. ¿Puede {hijo} [quedarse en|seguir en] {school} o tiene que cambiarse de escuela?',
    ],
  },
  'Records request': {
    en: [
      '[My college|The university] [is asking for|requires] an official high school transcript. I [finished at|graduated from] {school} [a few years ago|in 2012]. [How do I order one?|]',
      "Please [forward|transfer] [all of|] {kid}'s [school records|files] [to|over to] [their new school|our new district]. [We withdrew|They left] [in {month}|last week].",
      "[I'd like|I need] a [printed|] copy of the [immunization|vaccine] [history|record] [for {child}|] [for summer camp|to give the pediatrician].",
      "[Under FERPA,|] [can|may] a parent [review|see] [everything|the full file] in the student record? [What's the procedure?|]",
    ],
    es: [
      '¿Cómo puedo obtener [el certificado de estudios|el historial académico] de {hijo}? Nos vamos a otro estado.',
    ],
  },
  Grades: {
    en: [
      "[Why did|How did] {kid}'s {subject} [mark|grade] [drop|go down] [from a B to a D|so much] [in one week|this quarter]? [Nothing in the portal explains it.|]",
      "[Please review|I'm disputing] the [final grade|semester grade] {child} [received|got] in {subject}. [Two tests were graded wrong.|The rubric wasn't followed.]",
      '[Is there a way|How can I] to see [current grades|scores] [in real time|before the report card]? [I only found out about the F at the end.|]',
      "[Request for|Could we have] a [parent-teacher meeting|meeting] with {teacher} regarding [{kid}'s|my son's] [low scores|grades] in {subject}.",
    ],
    es: [
      'No estoy de acuerdo con la calificación final de {hijo} en {subject}. ¿Con quién hablo para revisarla?',
    ],
  },
  Homework: {
    en: [
      '[We spend|My kid spends] [three hours|forever] on [worksheets|assignments] [each evening|every night]. [This seems excessive for {grade}.|Is this normal?]',
      "[Is there|Do you have] [a place online|somewhere] [to see|where I can see] [daily|nightly] [assignments|homework] for {child}'s [class|{subject} class]?",
      '{kid} [missed school|was out] [for a few days|last week] [because of the flu|for a family emergency]. [Please send|How do we get] the [classwork|assignments] [to catch up|they missed].',
      '[Any tips|Where can I get help] [to|so I can] help {kid} with [their|] {subject} [homework|worksheets]? [The new method is nothing like how I learned.|]',
    ],
    es: [
      '¿Dónde puedo ver las tareas de {hijo}? Dice que no tiene tarea pero la maestra dice que le faltan trabajos.',
    ],
  },
  'Special education': {
    en: [
      "[Could we|I'd like to] [reconvene|reopen] the IEP [team|meeting] [for {kid}|]? [The current plan isn't working.|The goals aren't being met.]",
      "{teacher} [refuses to|won't] give {child} the [testing accommodations|accommodations] in [the|their] [504|504 plan]. [This is a legal document.|Please help.]",
      "[How can I get|I need] {kid} [assessed|tested] for [a learning disability|special needs services]? [They're still not reading at {grade} level.|]",
      '[Are|Is] [speech|occupational therapy] [sessions|services] [provided|offered] during summer [for students with IEPs|]? [{child} regresses over break.|]',
    ],
    es: [
      '¿Quién es el coordinador de educación especial en {school}? [Tengo preguntas sobre el plan 504 de {hijo}.|]',
    ],
  },
  'Gifted programs': {
    en: [
      "[I'm interested in|Tell me about] the [highly capable|talented and gifted] [program|pathway]. [What are the criteria?|How are kids selected?]",
      '{kid} [finished|already did] the {grade} {subject} [curriculum|book] [at home|] [and needs|so they need] [enrichment|harder work]. [Any accelerated options?|Can they take the next level?]',
      "[Our results|The letter] [said|says] {child} [missed the cutoff|didn't make it] for GT by [two points|a few points]. [Is retesting allowed?|Can we appeal the decision?]",
      '[Is there|Do you have] a [pull-out|enrichment] [class|program] for [advanced learners|gifted kids] [at|in] {school}?',
    ],
    es: [
      '¿Qué requisitos hay para entrar al programa de estudiantes dotados? [A {hijo} le gustaría participar.|]',
    ],
  },
  Bullying: {
    en: [
      "[There's a kid|Another student] [in|from] {child}'s class [who keeps|that constantly] [tripping|shoving] [her|him] and [calling her names|mocking him]. [I want it to stop.|Please intervene.]",
      '[Kids at|Students at] {school} [made|created] a [fake account|group chat] to [humiliate|make fun of] {kid}. [We have screenshots.|I have the messages saved.]',
      "[Is there|How does] the school [handle|follow up on] [bullying reports|peer harassment]? [It's been a month since we told the counselor.|]",
      '{kid} [has been|is] [left out|excluded] and [taunted|ridiculed] [at lunch|at recess] [for weeks|every day]. [He now begs to stay home.|She cries every morning.]',
    ],
    es: [
      'A {hijo} lo están molestando en el recreo [todos los días|]. [Le dicen groserías y le quitan sus cosas.|] ¿Qué va a hacer la escuela?',
    ],
  },
  Discipline: {
    en: [
      "[Got a call that|We were told] {kid} [is|was] [being suspended|suspended] [for two days|until Monday]. [We'd like to see the incident report.|What exactly happened?]",
      '[How many|Why does] [write-ups|referrals] [lead to|does it take for] [an out of school suspension|expulsion]? {child} [already has two|got another one {day}].',
      '[The punishment|This consequence] [for|over] [a minor|one small] [incident|mistake] [seems extreme|is too harsh]. [Is there a hearing process?|Can it be reduced?]',
      '{kid} [keeps getting|got] [sent to the office|in trouble] [in {subject}|by {teacher}] [for|over] [minor things|talking]. [Can we discuss a behavior plan?|]',
    ],
    es: [
      '¿Por qué castigaron a {hijo} [con detención|sin recreo]? No me explicaron nada [y quiero hablar con el director|].',
    ],
  },
  'Safety concern': {
    en: [
      "[Heads up:|] [an unknown adult|someone who isn't staff] [was|has been] [walking around|on the grounds at] {school} [during recess|without a visitor badge]. [Who checks visitors?|]",
      '[Traffic at drop-off|The car line] [on|at] {street} is [chaotic|out of control]. [A kid was almost hit|I saw a near miss] {day}. [We need a crossing guard or a cop there.|]',
      '[Rumors|Posts] [are going around|online say] [something might happen|there will be a fight] at {school} [tomorrow|on {weekday}]. [Is the school aware?|Please check into this.]',
      '[How are|Are] [the exterior doors|entrances] [locked|secured] during the day at {school}? [I walked right in without being stopped.|]',
    ],
    es: [
      '[Hay|Vi] [unos vidrios rotos|una cerca rota] en el patio de {school}. [Los niños se pueden lastimar.|Es peligroso.]',
    ],
  },
  'Meal account': {
    en: [
      "[Why does|How come] {child}'s [cafeteria|lunch] balance [say|show] [-{amount}|{amount} owed] when I [loaded|deposited] money [on Sunday|last week]?",
      "[Please refund|I need a refund of] the [leftover|remaining] [funds|balance] on [my son's|{kid}'s] [lunch|meal] card. [We moved away.|He graduated in May.]",
      "[Is there a way to|Can I] [get alerts|be notified] when {kid}'s [lunch balance|meal account] [is low|goes below {amount}]? [They got turned away at the register.|]",
      '[What|Which] [payment methods|ways to pay] [are accepted|can I use] [for|to fund] [school lunch|the cafeteria account]? [Can I pay at the front desk?|]',
    ],
    es: [
      'El saldo de la cuenta de [almuerzo|comida] de {hijo} [está mal|no cuadra]. [Deposité {amount} y no aparece.|]',
    ],
  },
  'Menu and allergies': {
    en: [
      '[Could you send|Where do I find] the [weekly|monthly] [cafeteria|school] menu [with nutrition facts|and ingredients] [for {school}|]?',
      '{child} is [lactose intolerant|allergic to {allergen}]. [What|Which] [substitutes|alternatives] [does the cafeteria offer|can they get] [at breakfast and lunch|]?',
      '[Are|Is] [any of the|the] [entrees|meals] [free of|made without] {allergen}? [We need to plan ahead for field day.|]',
      "[I'm worried|We're worried] [that|because] [the kitchen|cafeteria staff] [might not know|doesn't seem to know] about {kid}'s [food allergy|diet restrictions]. [Who should I give the doctor's note to?|]",
    ],
    es: ['¿Tienen opciones [vegetarianas|sin gluten] en el menú? [{hijo} tiene alergia a {allergen}.|]'],
  },
  'Free and reduced meals': {
    en: [
      '[Where is|Can you send me] the [application|form] for [meal assistance|free meals]? [Money is really tight right now.|]',
      '[We were approved|Our family was approved] for [reduced price|free] meals [but|and yet] {kid} [is still being charged|keeps getting charged] [at the register|full price].',
      "[Do families|Does every family] [have to|need to] [qualify|submit income] for [free breakfast|free lunch] [or is it free for everyone|]? [We're new to {school}.|]",
      '[Our household income|Our income] [dropped|went down] [after a layoff|this spring]. [Are we eligible for|Could we now get] [lunch assistance|reduced meals]?',
    ],
    es: [
      '¿Mi familia califica para comidas gratis? Somos [cinco|cuatro] en la casa y [solo trabaja mi esposo|ganamos poco].',
    ],
  },
  'Building issue': {
    en: [
      "[It's freezing|It's like an oven] in [{place}|the classrooms] at {school}; [the thermostat|the heating system] [seems broken|doesn't work]. [Please send someone.|]",
      "[There's|We noticed] [water damage|a big stain] on the ceiling [tiles|] [in|above] {place} [and it smells musty|]. [Could that be mold?|]",
      '[Several|Many] [stall doors|sinks] in the [student restrooms|bathrooms] at {school} [do not lock|are broken]. [Kids avoid using them.|]',
      "[The elevator|The wheelchair ramp] at {school} [is out of service|has been broken] [again|for weeks], [so|and] {kid} [can't get to class|has to be carried].",
    ],
    es: ['Hay [goteras|fugas de agua] en [el techo|{place}] de {school}. [Cuando llueve se moja todo.|]'],
  },
  Technology: {
    en: [
      '[The laptop|The device] the school [issued|gave] {kid} [has a dead battery|keeps shutting off] [after ten minutes|]. [Can it be swapped?|Where do we take it?]',
      "[Locked out!|] {child} [forgot|lost] [the|their] [student password|login] and [can't submit assignments|can't get into online classes]. [Who can reset it?|]",
      '[Does the district lend|Can families borrow] [internet hotspots|wifi devices] [for home use|]? [Our internet got cut off.|]',
      '[We were charged|I got an invoice] [{amount}|] [for a repair|to fix] [on|for] the {device} [that stopped working|with the broken keyboard]. [Can this fee be waived?|]',
    ],
    es: ['[No puedo|{hijo} no puede] [conectar|usar] la {device} [al internet|en casa]. ¿Me pueden ayudar?'],
  },
  Website: {
    en: [
      '[Your homepage|The district homepage] [throws|shows] [an error|a 404] when I [click|tap] on [the calendar|Parents]. [Can someone fix the link?|]',
      "[Where on|Is there a place on] {school}'s [site|website] [to see|that shows] [the bell times|early release dates]? [I've looked everywhere.|]",
      "[The online|The district's online] [forms|pages] [will not|won't] [load|open] [in Safari|on my iPhone]. [Is the site down?|]",
      "[Please update|Someone should update] the [school's|] [web page|website]: [it still lists|the staff page still shows] [last year's principal|the old phone number].",
    ],
    es: ['No [puedo abrir|encuentro] [el sitio web|la página] del distrito [desde ayer|]. ¿Está caída?'],
  },
  Notifications: {
    en: [
      '[Nobody informed|We were never told] [us|parents] [about|that] [the schedule change|school was closing early] {day}. [The alert system failed.|Did an alert go out?]',
      '[Add|Please add] my [new cell|mobile number] to [the|] [call list|text alerts] [for {school}|]; [I switched carriers|I changed numbers] [recently|].',
      "[I'm getting|We keep getting] [duplicate|three copies of every] [emails|messages] from the [district|school]. [Can you fix the mailing list?|]",
      '[Opt me out|Remove me] from [the|] [automated|recorded] [phone calls|voice messages] but [keep|leave] [the emails|email alerts] [on|], please.',
    ],
    es: [
      'No recibí [ningún aviso|ninguna llamada] de que [cancelaron las clases|salían temprano] {day}. ¿Por qué no avisaron?',
    ],
  },
  Compliment: {
    en: [
      '[Shout out|Big thanks] to [{teacher}|the crossing guard] at {school}, who [greets every kid by name|always has a smile]. [You make our mornings.|]',
      '[We appreciate|I really appreciate] [how patient|the patience] {teacher} [has been|shows] with {child}. [He finally likes school!|She is blossoming.]',
      '[Our family|We] [wanted to|would like to] [commend|praise] the [front office|attendance office] [team|staff] for [being so helpful|their kindness] [during enrollment|when we moved].',
      '[What a wonderful|Such a great] [winter concert|spring play|graduation ceremony]! [Thank you to all the teachers|Thanks to everyone] who [made it happen|organized it].',
    ],
    es: [
      '[Muchas gracias|Mil gracias] a [la maestra|el maestro] de {hijo}. [Ha mejorado mucho gracias a su ayuda.|]',
    ],
  },
  'General question': {
    en: [
      '[Quick question:|] [is|are] [students|kids] [out|off] [on {weekday}|next week] for [a teacher workday|conferences]?',
      "[What's the|Is there a] [dress code|policy] [for|on] [hats|shorts|hoodies] at {school}? [{kid} asked me.|]",
      '[How can I|What do I need to do to] [become|be] a [volunteer|classroom helper] [at|for] {school} [this semester|]? [Background check?|]',
      '[When|What time] [does|is] [the school day|the dismissal] [end|] on [half days|minimum days] at {school}?',
    ],
    es: ['¿Quién es [la directora|el director] de {school}? [Quisiera saber cómo comunicarme.|]'],
  },
};
