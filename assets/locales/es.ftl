# Avance — textos en español (Bogotá). Los números llegan ya formateados: 50,24 %, 1.234,50.
# Cada id existe también en en.ftl (una prueba lo exige).

findings-count = { $errors ->
        [one] 1 error
       *[other] { $errors } errores
    } · { $warnings ->
        [one] 1 aviso
       *[other] { $warnings } avisos
    }

## Palabras del plan
quarter-short = T{ $number }
indicator-kind-sectorial = sectorial
indicator-kind-meta-trazadora = meta trazadora
indicator-kind-proyecto-inversion = proyecto de inversión
annualization-suma = Suma
annualization-creciente = Creciente
annualization-constante = Constante
annualization-decreciente = Decreciente

## Validación: dónde está cada hallazgo
place-objective = Objetivo { $number }
place-indicator = indicador { $label }
field-period = periodo
field-cut = corte
field-objective-number = número
field-code = código
field-objective-text = texto
field-name = nombre
field-entity = entidad responsable
field-baseline = línea base
field-declared-total = programación total
field-weight = ponderación { $vigencia }
field-programmed = programación { $vigencia }
field-executed = ejecutado { $vigencia } T{ $quarter }
field-comment = comentario { $vigencia } T{ $quarter }

## Validación: qué está mal
problem-period-reversed = el periodo { $first }–{ $last } está invertido
problem-cut-outside-period = el corte { $cut } está fuera del periodo { $first }–{ $last }
problem-objective-number-invalid = el número { $number } no está entre 1 y { $max } (un plan tiene a lo más { $max } objetivos)
problem-objective-number-missing = falta el objetivo { $number }: los objetivos van numerados seguidos desde 1
problem-objective-numbers-missing = faltan los objetivos { $from } a { $to }: los objetivos van numerados seguidos desde 1
problem-no-objectives = el plan no tiene objetivos: necesita al menos uno
problem-objective-number-repeated = el número { $number } está repetido
problem-negative-programming = la programación no puede ser negativa ({ $value })
problem-negative-weight = la ponderación no puede ser negativa ({ $value })
problem-missing-baseline = un indicador decreciente necesita línea base para calcular su avance
problem-baseline-equals-programming = la línea base es igual a la programación: no hay reducción que medir
problem-duplicate-code = el código { $code } está repetido en el objetivo
problem-objective-without-text = el objetivo no tiene texto: el comité vería solo su número
problem-indicator-without-name = el indicador no tiene nombre
problem-indicator-without-code = el indicador no tiene código (solo los de una META PROYECTO pueden no tenerlo)
problem-indicator-without-entity = el indicador no tiene entidad responsable
problem-same-name-without-code = otro indicador sin código de esta meta tiene el mismo nombre y la misma entidad: no se podrán distinguir al consolidar los archivos de las entidades; deles un código o nombres distintos
problem-out-of-range = las cifras son demasiado grandes para calcular el avance
problem-weights-not-100 = las ponderaciones de { $vigencia } suman { $total }, no 100 %; el promedio divide por su suma real
problem-weight-on-not-programmed = tiene ponderación { $weight } pero no está programado en la vigencia
problem-zero-weight-on-programmed = está programado pero su ponderación es 0
problem-total-inconsistent = la programación total publicada es { $declared } pero según el tipo de anualización es { $expected }
problem-value-after-cut = tiene un valor al { $value }, posterior al corte { $cut }: no cuenta en las cifras a ese corte
problem-low-without-comment = avance de { $progress } al corte sin comentario: el comité pedirá la razón
problem-not-reported = programado pero sin reporte al corte: cuenta como 0
problem-quarter-not-reported = el T{ $quarter } no está reportado y el T{ $last } sí: el avance usa lo reportado hasta el T{ $last }
problem-negative-executed = la magnitud ejecutada es negativa ({ $value })
problem-executed-not-programmed = tiene ejecución reportada pero no está programado en { $vigencia }: esa ejecución no cuenta
problem-constante-unequal = es constante pero su programación cambia: { $first } en { $first_year } y { $other } en { $other_year }

## Por qué un objetivo no tiene promedio
no-average-nothing-programmed = sin indicadores programados en { $vigencia }
no-average-missing-baseline = al indicador { $label } (decreciente) le falta la línea base
no-average-baseline-equals-programming = la línea base del indicador { $label } es igual a su programación
no-average-indicator-out-of-range = las cifras del indicador { $label } son demasiado grandes
no-average-weights-zero = sin ponderaciones asignadas en { $vigencia } (suman 0)
no-average-out-of-range = las ponderaciones son demasiado grandes para calcular el promedio

## Números escritos en una celda o leídos de un archivo
number-empty = El valor está vacío.
number-not-a-number = «{ $text }» no es un número: escriba, por ejemplo, 27,50.
number-ambiguous = «{ $text }» es ambiguo (¿miles o decimales?): escriba { $hint }.
number-ambiguous-hint = { $thousands } o { $decimals }
number-too-precise = «{ $text }» tiene más decimales de los que Avance guarda exactos (28 como máximo): escríbalo con menos.
number-too-large = «{ $text }» es demasiado grande.

## La cuadrícula
cell-not-accepted = No se aceptó: { $reason }
cell-refused-keeps-value = El plan conserva el valor que tenía al llegar a la casilla (Esc lo devuelve).
progress-capped = Supera el tope: en el promedio del objetivo cuenta { $counts }
progress-floored = Es negativo: en el promedio del objetivo cuenta { $counts }

## menu
menu-file = Archivo
menu-open-recent = Abrir reciente
menu-none = (ninguno)
menu-edit = Editar
menu-view = Ver
menu-language = Idioma
menu-light-theme = Tema claro
menu-dark-theme = Tema oscuro

## toolbar
toolbar-cut = Corte:
toolbar-quarter-of-the-cut = Trimestre del corte
toolbar-the-plan-s-cut = El corte del plan: todas las cifras se leen a ese corte y se guarda con el plan (Ctrl+Z lo devuelve). Para mirar cortes anteriores: la tendencia de cada objetivo, o «avance report --cut».

## tree
tree-plan-and-entities = Plan y entidades
tree-objective = Objetivo
tree-no-metas = (sin metas)

## present
present-progress-at-the-cut = avance al corte

## Presentación al comité: diapositivas, semáforo, paquete para el acta
slide-progress-at-cut = Avance al corte { $date }
slide-projection = Proyección al cierre de { $year }: { $figure }
slide-page = página { $page } de { $pages }
slide-no-indicators = Este objetivo aún no tiene indicadores.
slide-column-indicator = Indicador ({ $count } en total)
slide-column-weight = Pond.
slide-column-progress = Avance
slide-column-executed-programmed = Ejec. / prog.
slide-not-programmed = no programado: no cuenta
slide-not-reported = sin reporte: cuenta 0
slide-column-progress-counted = Avance (cuenta)
slide-trend-title = Avance por trimestre
trend-nothing-programmed = sin indicadores programados
trend-weights-zero = sin ponderaciones asignadas
slide-reasons-title = Indicadores bajo { $threshold }: por qué
slide-reasons-none = Ningún indicador está en rojo.
slide-reasons-more = … y { $count } más
slide-reasons-more-next = … y { $count } más en la diapositiva siguiente
slide-reasons-whole-next = Los comentarios completos, en la diapositiva siguiente.
slide-reasons-continued-title = Indicadores bajo { $threshold }: por qué (cont.)
slide-no-comment = sin comentario
slide-file-plan = plan
slide-file-plan-page = plan-p{ $page }
slide-plan-page = Objetivos { $first } a { $last } de { $count }
slide-indicator-kinds = Indicadores: { $sectorial } { $sectorial ->
    [one] sectorial
   *[other] sectoriales
} · { $trazadora } de metas trazadoras · { $proyecto } de proyectos de inversión
slide-file-objective = objetivo-{ $number }
slide-file-objective-page = objetivo-{ $number }-p{ $page }
slide-file-reasons = objetivo-{ $number }-porque
slide-file-reasons-part = objetivo-{ $number }-porque-{ $part }
slide-file-presentation = presentacion
legend-red = rojo < { $below }
legend-yellow = amarillo { $from }–{ $below }
legend-green = verde { $from }–{ $to }
legend-orange = naranja > { $above }
command-next-slide = Diapositiva siguiente
command-previous-slide = Diapositiva anterior
command-first-slide = Primera diapositiva
command-last-slide = Última diapositiva
command-objective-slide = Diapositiva del objetivo { $number }
command-toggle-slide-order = Indicadores en orden del plan / el más bajo primero
command-export-slides = Exportar presentación…
command-restore-recovered-copy = Restaurar la copia de recuperación
dialog-export-slides = Carpeta para la presentación (PNG y PDF)
app-slides-exporting = Exportando la presentación… (la ventana sigue disponible)
app-slides-exported = Presentación exportada
app-slides-exported-text = { $count } diapositivas al corte { $date } (una imagen PNG por diapositiva y un PDF con todas) en: { $path }
app-could-not-export-slides = No se pudo exportar la presentación
cli-generate-too-many = No se generó nada: { $asked } indicadores son demasiados; el máximo es { $max } (un plan de unos 36 MB; Avance lee planes de hasta 50 MB).
cli-generate-objectives = No se generó nada: un plan tiene de 1 a { $max } objetivos, no { $asked }.
cli-slides-written = { $count } diapositivas al corte { $date } escritas en { $path }:
slides-file-exists = Ese archivo ya existe; elija otra carpeta (o use --force en la línea de órdenes para reemplazarlo): { $path }
slides-not-a-folder = Las diapositivas van en una carpeta, y «{ $path }» es un archivo: escriba el nombre de una carpeta (se crea si no existe).
slides-folder-failed = No se pudo crear la carpeta ({ $detail }): { $path }
slides-write-failed = No se escribió la presentación: «{ $file }» no se pudo escribir o reemplazar ({ $detail }). Los archivos de la carpeta quedaron como estaban: { $path }
slides-stranded = No se escribió la presentación, y al deshacer lo hecho «{ $file }» no pudo volver a su versión anterior ({ $detail }): la versión anterior está en { $kept_in }. Archivo: { $path }
slides-encode-failed = No se pudo codificar la imagen: { $detail }
slides-pdf-failed = No se pudo hacer el PDF de la presentación: { $detail }
chart-previous-page = Página anterior de indicadores
chart-next-page = Página siguiente de indicadores
chart-order-plan = Orden: del plan
chart-order-lowest-first = Orden: el más bajo primero
thresholds-title = Semáforo
thresholds-hint = Colorea el avance en los gráficos, el árbol y las diapositivas; la cifra siempre se escribe al lado.
thresholds-red-below = Rojo por debajo de (%)
thresholds-yellow-below = Amarillo por debajo de (%)
thresholds-green-up-to = Verde hasta (%)
thresholds-apply = Aplicar semáforo
thresholds-red-not-above-zero = El umbral del rojo debe ser mayor que 0 %: con 0 o menos ningún avance se vería en rojo.
thresholds-red-not-below-yellow = El umbral del rojo debe ser menor que el del amarillo.
thresholds-yellow-not-below-green = El umbral del amarillo debe ser menor que el del verde.

## validation
validation-validation = Validación
validation-nothing-to-report = sin observaciones
validation-warning = Aviso ·
validation-click-go-to-this = Clic: ir a este dato

## chart
chart-progress-by-objective = Avance por objetivo
chart-indicators-of-objective = Indicadores del objetivo
chart-progress-and-weight = avance y ponderación
chart-no-indicators = (sin indicadores)
chart-target-100 = Meta 100 %
chart-progress = avance
chart-weight = ponderación

## details
details-sector-strategic-plan = Plan estratégico sectorial
details-period = Periodo
details-plan-s-cut = corte del plan
details-strategic-objective = Objetivo estratégico
details-weights = Ponderaciones
details-text = Texto
details-add-meta = + Añadir meta
details-adds-a-meta-with = Añade una meta con un indicador vacío al final del objetivo
details-objective-count = { $count ->
    [one] 1 objetivo estratégico
   *[other] { $count } objetivos estratégicos
}
details-add-objective = + Añadir objetivo
details-add-objective-hint = Añade un objetivo, sin texto ni metas, después del último (Ctrl+Z lo deshace)
details-add-objective-full = El plan ya tiene { $max } objetivos, el máximo
details-remove-objective = Eliminar objetivo…
details-remove-objective-hint = Elimina el objetivo con sus metas e indicadores; los siguientes bajan un número (Ctrl+Z lo deshace)
details-kind-from-meta = según la meta ({ $kind })
details-meta = Meta
details-meta-name = Nombre meta
details-add-indicator = + Añadir indicador
details-move-up = Subir
details-move-down = Bajar
details-remove-meta = Eliminar meta
details-remove-meta-hint = Elimina la meta y sus indicadores (Ctrl+Z lo deshace)
details-code-label = Código (vacío = N/A)
details-indicator-name = Nombre indicador
details-responsible-entity = Entidad responsable
details-unit = Unidad
details-comment = Comentario
details-remove-indicator = Eliminar indicador
details-undo-hint = Ctrl+Z lo deshace
details-figures-in-grid = Las cifras se editan en la tabla.

## grid
grid-no-indicators-yet = Este objetivo aún no tiene indicadores: añada una meta con el botón de arriba.
grid-no-name = (sin nombre)
grid-type = tipo
grid-unit = unidad
grid-baseline-heading = Línea base
grid-baseline-hint = Línea base: el nivel del que parte un indicador decreciente (se escribe como una cifra)
grid-type-hint = Tipo de anualización: escriba el comienzo de su nombre (S: suma, Cr: creciente, Co: constante, D: decreciente)
grid-unit-heading = Unidad
grid-unit-hint = Unidad de medida del indicador
grid-total = Total
grid-objective-progress-weighted-average = Avance del objetivo: promedio ponderado
grid-sum-of-the-weights = Suma de las ponderaciones de los indicadores programados
grid-weights-not-100-hint = Las ponderaciones no suman 100 %: el avance divide por su suma real
validation-error = Error ·

## details
details-title = Título
details-sector = Sector
details-sector-s-mission = Misión del sector
details-entity = Entidad
details-mission = Misión
details-vision = Visión

## grid
grid-meta-code = Código de la meta
grid-code = Código
grid-indicator-code = Código del indicador
grid-indicator = Indicador
grid-indicator-name = Nombre del indicador
grid-type-heading = Tipo
grid-kind-heading = Tipo de indicador
grid-kind-hint = De dónde viene el indicador: sectorial, de meta trazadora o de proyecto de inversión (se cambia en los detalles, arriba)
grid-wgt = Pond.
grid-weight-in-the-vigencia = Ponderación de la vigencia (%)
grid-executed-quarter-hint = Magnitud ejecutada en el trimestre
grid-programming-of-the-vigencia = Programación de la vigencia
grid-programmed-short = Prog.
grid-at-cut = Al corte
grid-executed-at-the-cut = Ejecutado al corte, según el tipo
grid-progress = Avance
grid-progress-at-the-cut = Avance al corte
grid-total-programming-per-type = Programación total, según el tipo
grid-could-not-paste = No se pudo pegar
tree-meta-without-code = (meta sin código)

## Pegar un bloque
paste-not-a-number = No se pegó nada: { $place }: { $reason }
paste-too-large = No se pegó nada: el bloque de { $rows } × { $columns } celdas no cabe desde la celda elegida.
paste-block-onto-text = No se pegó nada: un bloque de varias celdas se pega desde una celda de cifras; en un código, un nombre, un tipo o una unidad se pega una sola línea.
paste-onto-computed = No se pegó nada: el bloque cubre columnas calculadas (al corte, avance, total); pegue la ejecución y la programación por separado.

## Copia de recuperación
ago-seconds = hace unos segundos
ago-minutes = hace { $n } min
ago-hours = hace { $n } h
ago-days = { $n ->
        [one] hace 1 día
       *[other] hace { $n } días
    }
recovery-of-file = Avance no se cerró normalmente la última vez. Hay una copia de los cambios sin guardar de { $file }, escrita { $ago }.
recovery-never-saved = Avance no se cerró normalmente la última vez. Hay una copia de un plan que nunca se guardó, escrita { $ago }.

## dialog
dialog-unsaved-changes = Cambios sin guardar
dialog-the-plan-has-changes = El plan tiene cambios que no se han guardado. ¿Qué desea hacer con ellos?
dialog-save = Guardar
dialog-discard = Descartar
dialog-cancel = Cancelar
dialog-the-import-stopped = La importación se detuvo
dialog-import-without-those-rows = Importar sin esas filas
dialog-open-plan = Abrir plan
dialog-pick-entity-file = Elegir el plan de una entidad
dialog-open = Abrir
dialog-save-plan-as = Guardar plan como
dialog-import-matrix = Importar matriz
dialog-import = Importar
dialog-export = Exportar
dialog-type-path = Escriba la ruta del archivo. Un nombre solo se toma en la carpeta que se ofrece; ~ es su carpeta personal.
dialog-type-path-why = (Se pide aquí porque el diálogo de archivos del sistema se cerró sin elegir o no está disponible en este equipo.)
dialog-file-path = Ruta del archivo
dialog-folder-path = Carpeta
dialog-replace-the-file = ¿Reemplazar el archivo?
dialog-replace = Reemplazar
dialog-changed-on-disk = El archivo cambió en el disco
dialog-save-as = Guardar como…
dialog-overwrite = Sobrescribir
dialog-reload = Recargar
dialog-the-file-has-comments = El archivo tiene comentarios
dialog-save-without-them = Guardar sin los comentarios
dialog-refused-title = Hay texto que no se aceptó
dialog-refused-text = { $count ->
        [one] Esta casilla tiene un texto que no se aceptó. El plan no lo tiene: conserva el valor que tenía la casilla al llegar a ella, y eso es lo que se guarda.
       *[other] Estas casillas tienen un texto que no se aceptó. El plan no lo tiene: conserva el valor que tenía cada casilla al llegar a ella, y eso es lo que se guarda.
    }
dialog-correct = Corregir
dialog-save-without-text = { $count ->
        [one] Guardar sin ese texto
       *[other] Guardar sin esos textos
    }
refused-kept = { $place }: «{ $text }» no se aceptó; se guarda { $kept }
refused-kept-text = { $place }: «{ $text }» no se aceptó; se guarda «{ $kept }»
refused-kept-empty = { $place }: «{ $text }» no se aceptó; se guarda vacía
dialog-retry = Reintentar
dialog-could-not-save = No se pudo guardar
dialog-close = Cerrar
dialog-recover-unsaved-changes = Recuperar cambios sin guardar
dialog-restore = Restaurar
dialog-decide-later = Decidir después
dialog-ok = Aceptar
dialog-replace-text = Ya existe { $name }. Si lo reemplaza, su contenido actual queda como copia { $name }.bak en la misma carpeta: { $path }
dialog-changed-on-disk-text = Alguien más (u otro programa) guardó { $name } después de que usted lo abrió. Puede guardar su versión con otro nombre, sobrescribir la otra (queda como copia .bak), o recargar el archivo y perder sus cambios sin guardar: { $path }
dialog-drop-comments-text = { $name } tiene comentarios escritos a mano (el primero en la línea { $line }, columna { $column }). Avance guarda el plan en su propio formato y no los conserva; la versión actual, con sus comentarios, se guardará aparte como { $copy }, un archivo que Avance no vuelve a tocar.

## files
app-unsaved-changes-restored = Se restauraron los cambios sin guardar. Guarde para conservarlos.

waiting-file-dialog-title = Esperando el diálogo «{ $title }»
waiting-file-dialog-text = Elija el archivo en el diálogo del sistema (o ciérrelo para cancelar). Mientras tanto el plan no se puede modificar.
waiting-file-dialog-stop = Dejar de esperar (escribir la ruta)

## file-picker
file-picker-avance-plan = Plan de Avance
file-picker-import-indicator-matrix = Importar matriz de indicadores
file-picker-spreadsheet-or-text = Hoja de cálculo o texto

## mod
app-could-not-open-title = No se pudo abrir
app-example-plan-opened = Se abrió el plan de ejemplo.
app-new-plan-title = Nuevo plan estratégico
app-not-saved-yet = El plan aún no está guardado.
app-open-plan-texts-kept = Solo cambió lo que trae la matriz: el resto del plan abierto quedó como estaba; Ctrl+Z deshace la importación.

## Línea de órdenes (avance report, validate, fmt, import, export)
cli-cut-outside-period = El corte { $cut } está fuera del periodo del plan ({ $first }–{ $last }).
cli-error-line = error: { $text }
cli-warning-line = aviso: { $text }
cli-plan-written-to = Plan escrito en: { $path }
cli-import-fix-or-skip = Corrija esas celdas, o use --lenient para importar sin esas filas.
cli-fmt-has-comments = El archivo tiene comentarios escritos a mano (el primero en la línea { $line }, columna { $column }) y fmt los quitaría. Use --force para reescribirlo sin ellos (la versión actual queda como copia .bak): { $path }
cli-file-exists = El archivo ya existe; use --force para reemplazarlo: { $path }
cli-plan-not-saved = No se pudo guardar el plan ({ $detail }). El archivo quedó como estaba: { $path }
cli-plan-read-only = El archivo es de solo lectura (o usted no tiene permiso para modificarlo) y no se modificó: { $path }
cli-plan-hard-linked = Este archivo también aparece con { $others ->
        [one] otro nombre
       *[other] otros { $others } nombres
    } en el disco (enlaces), que se quedarían con la versión anterior si Avance lo reemplazara; no se modificó: { $path }
cli-output-is-the-matrix = El plan se escribiría sobre la matriz que se importa (es el mismo archivo, o lo es en Windows: el mismo nombre con otras mayúsculas o con puntos o espacios al final): elija otro nombre para el plan: { $path }

## command
command-new = Nuevo
command-open = Abrir…
command-import = Importar…
command-import-into-open-plan = Importar cifras en el plan abierto…
command-export = Exportar…
command-quit = Salir
command-undo = Deshacer
command-redo = Rehacer
command-light-dark-theme = Tema claro/oscuro
command-presentation-mode = Modo presentación

## Archivos de plan (la ruta va al final)
plan-file-read = No se pudo leer el archivo ({ $detail }): { $path }
plan-file-write = No se pudo guardar ({ $detail }). No se perdió nada: el archivo quedó como estaba y el plan sigue abierto con sus cambios: { $path }
plan-file-empty = El archivo está vacío: { $path }
plan-file-not-text = El archivo no es un plan de Avance (no es texto UTF-8): { $path }
plan-file-utf16 = El archivo está guardado en UTF-16 («Unicode» en el Bloc de notas) y los planes de Avance se guardan en UTF-8, así que no se leyó. Para leerlo: ábralo en el Bloc de notas, Archivo → Guardar como…, en «Codificación» elija UTF-8, guarde y vuelva a abrirlo en Avance: { $path }
plan-file-ansi = El archivo está guardado en ANSI (Windows-1252) y los planes de Avance se guardan en UTF-8, así que no se leyó: la primera letra que no es UTF-8 es «{ $letter }», en la línea { $line }, columna { $column }. Para leerlo: ábralo en el Bloc de notas, Archivo → Guardar como…, en «Codificación» elija UTF-8, guarde y vuelva a abrirlo en Avance: { $path }
plan-file-read-only = El archivo es de solo lectura (o usted no tiene permiso para modificarlo): no se modificó. Use «Guardar como…» para guardar el plan con otro nombre: { $path }
plan-file-hard-linked = Este archivo también aparece con { $others ->
        [one] otro nombre
       *[other] otros { $others } nombres
    } en el disco (enlaces), que se quedarían con la versión anterior si Avance lo reemplazara. No se modificó. Use «Guardar como…» para guardarlo con otro nombre: { $path }
plan-file-syntax = Plan mal formado en la línea { $line }, columna { $column }{ $place }: { $problem }. Archivo: { $path }
plan-file-cut-short = el archivo termina antes de tiempo, como si estuviera cortado (¿se copió o se guardó a medias?); abra la copia .bak si la hay
plan-file-missing-comma = falta una coma (,) antes de este punto
plan-file-unknown-value = «{ $found }» no es un valor válido aquí; use uno de: { $allowed }
plan-file-unknown-field = «{ $found }» no es un campo que Avance conozca; aquí van: { $allowed }
plan-file-missing-field = falta el campo «{ $field }»
plan-file-quarter-out-of-range = el trimestre { $found } no existe: los trimestres van de 1 a 4
plan-file-expected-text = aquí va un texto entre comillas
plan-file-expected-whole-number = aquí va un número entero (un año, un trimestre o un número de objetivo)
plan-file-technical-detail = detalle técnico: { $detail }
plan-file-not-a-number = Plan mal formado en la línea { $line }, columna { $column }{ $place }: «{ $text }» no es un número{ $why }; escríbalo con punto decimal, p. ej. "27.50". Archivo: { $path }
plan-file-odd-character = {" "}(tiene «{ $character }», que no es una cifra)
plan-file-duplicate-key = Plan mal formado en la línea { $line }, columna { $column }{ $place }: «{ $key }» está escrito dos veces (la primera en la línea { $first_line }); deje uno solo. Archivo: { $path }
plan-file-duplicate-key-unplaced = Plan mal formado en la línea { $line }, columna { $column }{ $place }: «{ $key }» está escrito dos veces; deje uno solo. Archivo: { $path }
plan-file-bare-number = «{ $text }» es un número sin comillas: así llegaría a Avance como número binario, que guarda unas 17 cifras, y perdería las demás; escríbalo entre comillas, "{ $text }"
plan-file-too-precise = «{ $text }» tiene más cifras de las que Avance guarda exactamente (hasta 28 decimales, y unas 28 cifras en total); no se redondea: escríbalo con menos decimales
plan-file-not-a-file = No se leyó: { $what }, no un archivo de plan: { $path }
plan-file-too-large-to-write = No se guardó: el plan escrito ocuparía más de { $megabytes } MB, más de lo que Avance lee (¿un texto enorme pegado en un nombre o un comentario?); el archivo quedó como estaba: { $path }
plan-file-too-large = El archivo tiene más de { $megabytes } MB y no se leyó: un plan de Avance es mucho menor (10 000 indicadores ocupan unos 12 MB): { $path }
read-not-a-file-folder = es una carpeta
read-not-a-file-pipe = es una tubería con nombre (FIFO), que haría esperar a Avance sin fin
read-not-a-file-device = es un dispositivo del sistema
read-not-a-file-socket = es un socket
read-not-a-file-other = es un elemento especial del sistema
read-too-large = el archivo tiene más de { $megabytes } MB
plan-file-version-zero = El plan dice versión 0, que no existe (la primera versión del formato es 1); revise el campo version: { $path }
plan-file-unknown-version = El plan usa la versión { $found } del formato, que esta versión de Avance no sabe llevar a la actual ({ $current }): { $path }
plan-file-newer-version = El plan usa el formato versión { $found }, más nuevo que el que esta versión de Avance sabe leer ({ $current }); actualice Avance para abrirlo: { $path }
plan-file-serialize = No se pudo convertir el plan a texto; detalle técnico: { $detail }
plan-file-period-too-long = El periodo { $first }–{ $last } abarca más de { $max } vigencias; revise el campo period: { $path }

## Lo que dice el sistema cuando un archivo no se puede leer o escribir
io-not-found = la ruta no existe
io-permission-denied = sin permiso
io-is-a-folder = es una carpeta
io-storage-full = el disco está lleno
io-held = el archivo está abierto en otro programa: ciérrelo allí y vuelva a intentarlo
io-system-detail = detalle del sistema: { $detail }

## Escribir un archivo: por qué no se pudo (sigue a «No se pudo guardar»)
write-read-only = el archivo es de solo lectura
write-in-use = «{ $name }» está abierto en otro programa (por ejemplo Excel o un editor): ciérrelo allí y vuelva a intentarlo
write-hard-linked = el archivo tiene { $links } nombres (enlaces duros)
write-invalid-name = «{ $name }» no es un nombre de archivo válido en Windows (CON, PRN, AUX, NUL, COM1 a COM9 y LPT1 a LPT9 están reservados, con cualquier extensión, igual que los caracteres < > : " | ? *): elija otro nombre
write-not-a-file = la ruta no es la de un archivo común
write-link-loop = la ruta da vueltas entre enlaces simbólicos
write-backup = no se pudo guardar la copia de seguridad { $backup }: { $detail }

## Exportar
export-write = No se pudo exportar a { $path }: { $detail }
export-workbook = No se pudo crear el libro; detalle técnico: { $detail }
export-exact-figure-note = Cifra guardada como texto para conservarla exacta: Excel guarda los números con unos 15 dígitos y la redondearía. Avance la importa tal cual.
export-over-the-plan = No se exporta sobre el plan que se exporta (es el mismo archivo, o lo es en Windows: el mismo nombre con otras mayúsculas o con puntos o espacios al final): el plan se perdería. Elija otro nombre, por ejemplo con .xlsx o .csv: { $path }

## Informe (avance report)
report-at-cut = Avance al corte { $date } (vigencia { $vigencia }, { $quarter })
report-objective = Objetivo { $number }: { $progress }
report-weights = ponderaciones { $weights }
report-no-indicators = (sin indicadores)
report-column-meta = Meta
report-column-indicator = Indicador
report-column-weight = Ponderación
report-column-programmed = Programado
report-column-executed = Ejecutado
report-column-progress = Avance
report-status-reported = con reporte
report-status-not-programmed = no programado
report-status-not-reported = sin reporte (cuenta 0)
report-status-missing-baseline = falta línea base
report-status-baseline-equals-programming = línea base = programación
report-status-out-of-range = cifras fuera de rango
report-status-capped = (cuenta 100 %)
report-status-floored = (cuenta 0 %)
report-csv-objective = Objetivo
report-csv-objective-progress = Avance objetivo
report-csv-meta = Meta
report-csv-indicator = Indicador
report-csv-indicator-name = Nombre indicador
report-csv-entity = Entidad responsable
report-csv-weight = Ponderación
report-csv-programmed = Programación
report-csv-executed = Ejecutado al corte
report-csv-progress = Avance
report-csv-cut = Corte
report-csv-status = Estado
report-csv-current = Al día
report-csv-last-reported = Último trimestre reportado
report-current-yes = sí
report-current-no = no
# Una cifra sin reporte del trimestre del corte: el trimestre en que se quedó.
figure-stands-at = al { $quarter }
grid-stands-at-hint = No hay reporte del { $cut }: la cifra es la del { $quarter }.
# Cuántos indicadores programados de un objetivo no tienen reporte del trimestre del corte.
objective-not-current = { $count ->
        [one] 1 indicador sin reporte en { $quarter }
       *[other] { $count } indicadores sin reporte en { $quarter }
    }

## Listas cortadas
list-and-more = { $list } y { $more } más

## Leer una tabla para importarla (.tsv, .csv, .xlsx)
table-read = No se pudo leer el archivo ({ $detail }).
table-unknown-type = Tipo de archivo desconocido: use .tsv, .csv o .xlsx.
table-file-too-large = El archivo pesa más de { $max } MB: una matriz del plan pesa mucho menos; no se lee.
table-not-a-workbook = El archivo no es un libro .xlsx (un archivo zip de Excel; detalle técnico: { $detail }): guárdelo desde Excel como «Libro de Excel (.xlsx)».
table-protected = El libro está protegido con contraseña o es un .xls antiguo: guárdelo desde Excel como .xlsx sin contraseña.
table-workbook = El libro no se puede leer (detalle técnico: { $detail }).
table-too-many-parts = El libro tiene { $count } partes internas (el máximo es { $max }): no parece una matriz del plan; no se lee.
table-part-too-large = La parte «{ $part }» del libro se descomprime a { $megabytes } MB (el máximo es { $max } MB): no se lee (¿un archivo malicioso o una hoja con millones de celdas?).
table-unpacked-too-large = El libro se descomprime a { $megabytes } MB (el máximo es { $max } MB): no se lee.
table-count-too-large = La parte «{ $part }» del libro declara { $count } textos, más de los que puede contener: el libro está dañado o fue manipulado; no se lee.
table-sheet-not-found = El libro no tiene una hoja «{ $name }»; sus hojas son { $sheets }.
table-not-a-worksheet = La hoja «{ $name }» no es una hoja de datos (es un gráfico o una macro).
table-no-visible-sheet = El libro no tiene hojas visibles con datos; las ocultas ({ $sheets }) no se leen sin --sheet NOMBRE.
table-sheet-only-for-workbooks = --sheet solo sirve para libros .xlsx; un archivo de texto tiene una sola tabla.
table-area-too-large = La hoja «{ $sheet }» declara el área { $area }, más allá de la columna SR ({ $max } columnas) que lee Avance: borre las filas y columnas sobrantes (Ctrl+Fin en Excel lleva a la última celda) y guarde el libro.
table-cell-out-of-area = La celda { $cell } de la hoja «{ $sheet }» tiene datos más allá de la columna SR ({ $max } columnas) que lee Avance: muévala o bórrela y guarde el libro.
table-cell-too-long-in-sheet = La celda { $cell } tiene más de { $max } caracteres (el máximo de Excel).
table-cell-too-long-in-text = La celda de la fila { $row }, columna { $column }, tiene más de { $max } caracteres (el máximo de Excel).
table-cell-too-long-quote = Empieza con comillas que se cierran en la fila { $last }: revise esas comillas.
table-formulas = { $count ->
        [one] La celda { $cells } de la hoja «{ $sheet }» tiene una fórmula sin valor calculado
       *[other] Las celdas { $cells } de la hoja «{ $sheet }» tienen fórmulas sin valor calculado
    }: recalcule y guarde el libro en Excel (o LibreOffice) e impórtelo de nuevo.
table-formulas-recalculate = { $count ->
        [one] La celda { $cells } de la hoja «{ $sheet }» tiene una fórmula cuyo valor no calculó una hoja de cálculo
       *[other] Las celdas { $cells } de la hoja «{ $sheet }» tienen fórmulas cuyo valor no calculó una hoja de cálculo
    } (el libro lo escribió un programa y pide recalcular al abrirse): recalcule y guarde el libro en Excel (o LibreOffice) e impórtelo de nuevo.
table-too-many-fields = La fila { $row } tiene más de { $max } columnas, más de las que lee Avance: borre las columnas sobrantes. ({ $origin })
table-unclosed-quote = La celda de la fila { $row }, columna { $column }, abre comillas («"») que nunca se cierran: el resto del archivo quedaría dentro de esa celda. Cierre las comillas o quítelas. ({ $origin })
table-reader-failed = El lector de libros falló con este archivo: ábralo en Excel, guárdelo de nuevo como .xlsx e inténtelo otra vez.
table-stray-byte = El archivo está en UTF-8 salvo el byte { $byte } de la fila { $row } (carácter { $column }), que no es UTF-8: leído todo como Windows-1252, cada tilde se volvería dos letras («Ã³»). Corrija ese carácter, o guarde el archivo desde Excel como «CSV UTF-8», e impórtelo de nuevo. ({ $origin })
table-sheet-hidden = «{ $name }» (oculta)
table-sheet-very-hidden = «{ $name }» (muy oculta)
table-sheet-not-a-worksheet = «{ $name }» (no es una hoja de datos)

## Importar una matriz
import-place-in-sheet = fila { $row }, columna «{ $column }» (celda { $cell }), valor «{ $value }»
import-place-in-text = fila { $row }, columna «{ $column }», valor «{ $value }»
import-row-problem = { $place }: { $reason } ({ $origin })
import-reason-objective-out-of-range = el objetivo debe ser un número de 1 a { $max }
import-reason-empty = no puede estar vacío
import-reason-unknown-type = el tipo debe ser Suma, Creciente, Constante o Decreciente
import-reason-unknown-kind = el tipo de indicador debe ser Sectorial, Meta trazadora o Proyecto de inversión
import-reason-date = la celda tiene formato de fecha, no de número: dele formato de número en el libro
import-reason-spreadsheet-error = la celda tiene un error de la hoja de cálculo: corríjalo en el libro
import-reason-objective-not-in-plan = el plan no tiene ese objetivo
import-reason-ambiguous = { $in_plan ->
        [one] 1 indicador del plan
       *[other] { $in_plan } indicadores del plan
    } y { $in_matrix ->
        [one] 1 fila de la matriz
       *[other] { $in_matrix } filas de la matriz
    } tienen esta meta y este código (o, sin código, este nombre): no se sabe cuál es cuál, y no se cambió ninguno
import-reason-meta-name-differs = la fila { $first_row } le da otro nombre a la misma meta: deje uno solo
import-reason-columns-disagree = la columna «{ $other }» dice { $other_value } y las dos cambian la misma cifra del plan: corrija una de las dos
import-reason-at-cut-disagrees = las columnas de trimestres de la fila dan { $quarters } al corte, y las dos cambian lo que el plan tenía: corrija una de las dos
import-not-reported = «sin reporte»
import-reason-sum-below-earlier = es menos de lo que suman los trimestres anteriores del plan ({ $earlier }): el { $quarter } quedaría en { $figure }, por debajo de 0; no se cambió (corrija la matriz o esos trimestres)
import-reason-figure-too-large = la cifra del trimestre no se puede calcular exactamente (es demasiado grande)
import-reason-merged-figure = la celda está combinada con la de la fila { $first_row }: la cifra es de esa fila; cada indicador necesita la suya (separe las celdas en el libro)
import-reason-mixed-decimals = el archivo escribe decimales con coma y también con punto, así que no se sabe si es { $thousands } (miles) o { $decimals } (decimales): escriba los decimales de una sola forma en todo el archivo
import-cell-count = { $count ->
        [one] 1 celda
       *[other] { $count } celdas
    }
import-row-count = { $count ->
        [one] 1 fila
       *[other] { $count } filas
    }
import-rows-refused = { $cells } en { $rows } { $count ->
        [one] no se puede importar
       *[other] no se pueden importar
    }; no se importó nada
import-no-good-rows = Ninguna fila de indicadores se puede importar: { $cells } en { $rows } { $count ->
        [one] tiene problemas
       *[other] tienen problemas
    }
import-problems-first = Se muestran las primeras { $count }
import-problems-more = … y { $count } más.
import-empty = El archivo no tiene filas de indicadores.
import-missing-columns = Faltan columnas obligatorias: { $columns }.
import-missing-columns-hidden = La fila de encabezados tiene columnas ocultas, que no se leen: { $columns }; muéstrelas en Excel si son de la matriz.
import-no-header = Ninguna de las { $rows } filas leídas es la fila de encabezados de la matriz (la que nombra la columna «Nombre indicador»). La primera dice: «{ $first }». Si el archivo empieza con un título, la fila de encabezados debe seguir debajo; si se ven caracteres extraños, el archivo está en otra codificación: guárdelo desde Excel como «CSV UTF-8» o como libro .xlsx. ({ $file })
import-repeated-column = La columna «{ $header }» está dos veces en los encabezados (columnas { $first } y { $second }): no se sabe cuál leer; deje una. ({ $origin })
import-same-figure-columns = Las columnas «{ $first_header }» ({ $first }) y «{ $second_header }» ({ $second }) son la misma columna de la matriz: no se sabe cuál leer; deje una. ({ $origin })
import-executed-cuts-disagree = Hay dos columnas de magnitud ejecutada al corte con fechas distintas: { $first_date } (columna { $first }) y { $second_date } (columna { $second }): no se sabe cuál es el corte; deje una. ({ $origin })
import-vigencia-outside-plan = La matriz tiene columnas de la vigencia { $vigencia }, fuera del periodo del plan ({ $first }–{ $last }): no se importó nada.
import-unknown-year-header = La columna «{ $header }» no tiene un año válido: escriba «Programación 2022».
import-unreadable-cut = No se entiende la fecha de corte de «{ $header }»: escriba «Magnitud ejecutada al corte 31/03/2022».
import-cuts-disagree = Las tablas tienen cortes distintos: { $first } y { $second }.
import-cut-outside-period = El corte { $cut } no cae en las vigencias programadas.
import-period-too-long = Las columnas de programación van de { $first } a { $last }: más de { $max } vigencias.
import-quote-spans-rows = Unas comillas («"») abiertas en la fila { $first } se cierran en la fila { $last }: las filas { $first } a { $last } se leerían como una sola. Cierre esas comillas donde termina la celda, o quítelas. ({ $origin })
import-too-many-indicators = La matriz tiene más de { $max } indicadores: no parece una matriz del plan; no se importó nada.
import-too-much-text = Los textos de los indicadores suman más de { $max } MB: no parece una matriz del plan; no se importó nada.

## Importar una matriz: avisos de una importación que se hizo
import-warning-type-ambiguous = fila { $row } (indicador { $code }): la programación total sirve para más de un tipo de anualización; se tomó «{ $kind }» ({ $origin })
import-warning-type-guessed = fila { $row } (indicador { $code }): no hay tipo de anualización ni un total que lo indique; se tomó «{ $kind }» ({ $origin })
import-warning-published-mismatch = fila { $row } (indicador { $code }): el avance publicado es { $published } pero el calculado es { $computed } ({ $origin })
import-warning-column-ignored = la columna «{ $column }» no se usa
import-warning-row-skipped = fila omitida: { $problem }
import-warning-decimal-comma = { $place }: se leyó como { $read } (coma decimal); si son miles, escriba { $thousands } ({ $origin })
import-more-warnings = { $count ->
        [one] … y 1 aviso más.
       *[other] … y { $count } avisos más.
    }

## Importar una matriz: resumen de lo leído
import-summary-indicators = { $count ->
        [one] 1 indicador importado
       *[other] { $count } indicadores importados
    }, corte { $cut }.
import-summary-into = { $count ->
        [one] 1 indicador de la matriz en el plan
       *[other] { $count } indicadores de la matriz en el plan
    }, corte { $cut }: { $changed ->
        [one] 1 cambió
       *[other] { $changed } cambiaron
    }, { $unchanged } sin cambios, { $added ->
        [one] 1 nuevo
       *[other] { $added } nuevos
    }.
import-summary-untouched = { $count ->
        [0] La matriz nombra todos los indicadores del plan.
        [one] 1 indicador del plan que la matriz no nombra quedó como estaba, con sus trimestres, comentarios y ponderaciones.
       *[other] { $count } indicadores del plan que la matriz no nombra quedaron como estaban, con sus trimestres, comentarios y ponderaciones.
    }
import-summary-cut-moved = El corte del plan pasó de { $from } a { $to }: la matriz trae cifras de ese trimestre.
import-summary-hidden = No se leyeron las filas y columnas ocultas (se lee la hoja como la muestra Excel): { $rows ->
        [one] 1 fila
       *[other] { $rows } filas
    }, { $columns ->
        [one] 1 columna
       *[other] { $columns } columnas
    }{ $which }.
import-summary-file = Archivo leído: { $file }.
import-summary-sheets = { $count ->
        [one] Hoja leída
       *[other] Hojas leídas
    }: { $sheets } ({ $file }).
import-summary-sheets-not-read = Hojas no leídas: { $sheets }.
import-sheet-without-header = «{ $name }» (sin encabezados de la matriz)
import-summary-rows = { $count ->
        [one] 1 fila leída
       *[other] { $count } filas leídas
    }: { $parts }.
import-summary-decimal-comma = Cifras leídas con coma decimal y punto de miles, como las escribe el archivo ({ $example }): «1.250» es 1250.
import-summary-decimal-point = Cifras leídas con punto decimal y coma de miles, como las escribe el archivo ({ $example }): «1,250» es 1250.
import-summary-decimals-both = El archivo escribe decimales con coma ({ $comma }) y con punto ({ $point }): una cifra como «1.250» no se lee sin adivinar.
import-summary-decimals-unknown = Ninguna cifra del archivo dice si escribe los decimales con coma o con punto: «1,250» se lee con coma decimal y «1.250» no se lee.
import-rows-before-header = { $count } antes de los encabezados
import-rows-headers = { $count } de encabezados
import-rows-imported = { $count ->
        [one] 1 importada
       *[other] { $count } importadas
    }
import-rows-skipped = { $count ->
        [one] 1 omitida
       *[other] { $count } omitidas
    }
import-rows-with-problems = { $count } con problemas
import-rows-repeated-headers = { $count ->
        [one] 1 encabezado repetido
       *[other] { $count } encabezados repetidos
    }
import-rows-totals = { $count ->
        [one] 1 fila de total
       *[other] { $count } filas de total
    }
import-rows-notes = { $count ->
        [one] 1 nota o llamada al pie
       *[other] { $count } notas o llamadas al pie
    }
import-rows-empty = { $count ->
        [one] 1 vacía
       *[other] { $count } vacías
    }
## import
import-no-matrix-headers = sin encabezados de la matriz
import-sheets-not-read = Hojas no leídas

## La ventana: archivos y avisos
app-could-not-open = No se pudo abrir
app-import = Importación
app-could-not-import = No se pudo importar
app-could-not-export = No se pudo exportar
app-could-not-reload = No se pudo recargar
notice-saved-to = Plan guardado en { $path }
recovery-not-prepared = No se pudo preparar la copia de recuperación ({ $detail }): { $folder }
recovery-original-unreadable = El archivo original no se pudo leer; use «Guardar como…»: { $note }
recovery-file-changed-since = { $name } cambió en el disco desde que empezaron estos cambios (alguien más lo guardó). Sus cambios están aquí; al guardar, Avance preguntará qué hacer.
recovery-file-version-unknown = Esta copia no dice de qué versión de { $name } partió (la escribió una versión anterior de Avance): al guardar, Avance preguntará antes de reemplazar el archivo.
recovery-copy-not-written = No se pudo escribir la copia de recuperación de los cambios sin guardar ({ $detail }): si Avance se cierra mal, se perderían. Guarde el plan para conservarlos. Carpeta de las copias: { $folder }
recovery-taken-by-another-window = Otra ventana de Avance ya restauró esa copia de recuperación: sus cambios están en esa ventana.
recovery-unreadable = { $count ->
        [one] Hay una copia de recuperación que Avance no pudo leer (dañada, o escrita por una versión más nueva de Avance); sigue en su lugar
       *[other] Hay { $count } copias de recuperación que Avance no pudo leer (dañadas, o escritas por una versión más nueva de Avance); siguen en su lugar. La primera
    }: { $path }
changed-on-disk-kept = { $name } cambió en el disco (alguien más lo guardó). Sus cambios siguen aquí; al guardar, Avance preguntará qué hacer.
changed-on-disk-reopened = { $name } cambió en el disco (alguien más lo guardó) y se volvió a abrir.
changed-on-disk-not-reopened = { $name } cambió en el disco pero no se pudo volver a abrir; el plan en pantalla sigue igual. { $why }
notice-comments-kept-in = La versión con comentarios quedó en { $path }.
comments-copy-failed = No se pudo guardar aparte la versión con comentarios ({ $detail }); no se guardó nada: { $path }
untitled-example = Plan de ejemplo (sin archivo)
untitled-new = Plan nuevo (sin archivo)
untitled-imported = Importado de { $from } (sin guardar)
untitled-recovered = Plan recuperado (sin guardar)
window-no-graphics = Avance no pudo abrir su ventana: esta computadora no ofrece los gráficos que la ventana necesita (OpenGL 2 o Direct3D 12 / Vulkan). Suele pasar en Escritorio remoto, en máquinas virtuales o con el controlador de pantalla básico de Windows; actualizar el controlador de video, o abrir Avance en el equipo mismo, lo resuelve. Sin ventana sigue funcionando todo lo demás: «avance report», «avance export» y «avance slides» (vea «avance --help»). Detalle técnico: { $detail }
window-could-not-open = Avance no pudo abrir la ventana: { $detail }

## Find and help
command-find = Buscar…
command-find-next = Buscar siguiente
command-help = Ayuda

## The comment box
comment-title = Comentario { $quarter } { $vigencia } · indicador { $indicator }
comment-hint = Explique al comité la cifra del trimestre: qué pasó y qué se hará.
comment-label = Comentario
comment-not-saved = El comentario escrito no está guardado.
comment-discard = Descartar lo escrito
comment-keep-writing = Seguir escribiendo

## Grid: comments and ranges
grid-comment-heading = Nota
grid-comment-hint = El comentario del trimestre al corte: clic para escribirlo o leerlo entero
grid-comment-add = + comentar
find-label = Buscar:
find-hint = código, meta o palabras del nombre
find-none = sin resultados
find-count = { $count ->
        [one] 1 indicador
       *[other] { $count } indicadores
    }
find-position = { $at } de { $of }
find-close = Cerrar (Esc)
find-found-in = en: { $places }
found-in-code = código
found-in-meta-code = código de la meta
found-in-name = nombre del indicador
found-in-meta-name = nombre de la meta
found-in-entity = entidad

## Ayuda
help-shortcuts = Atajos de teclado
help-key-type = Escribir
help-does-type = en una celda alcanzada (clic, Tab, Enter, flechas) reemplaza su cifra
help-key-f2 = F2 o doble clic
help-does-f2 = corregir la cifra: el cursor queda al final
help-key-enter = Enter / Mayús+Enter
help-does-enter = aceptar y bajar / subir; en la última fila, una fila nueva
help-key-tab = Tab / Mayús+Tab
help-does-tab = aceptar y pasar a la celda siguiente / anterior; desde la unidad de la última fila, una fila nueva
help-key-arrows = Flechas
help-does-arrows = moverse entre celdas (al corregir con F2, mueven el cursor)
help-key-home-end = Inicio / Fin, Ctrl+Inicio / Ctrl+Fin
help-does-home-end = primera / última celda de la fila; de la tabla
help-key-pages = Re Pág / Av Pág
help-does-pages = una pantalla de filas arriba / abajo
help-key-esc = Esc
help-does-esc = devolver a la celda la cifra que tenía
help-key-shift-arrows = Mayús+flechas, Mayús+clic, arrastrar
help-does-shift-arrows = seleccionar un rango de celdas
help-key-copy-fill = Ctrl+C, Ctrl+V, Supr, Ctrl+D
help-does-copy-fill = copiar (como Excel lo pega), pegar, vaciar, rellenar hacia abajo el rango; cada uno se deshace con un Ctrl+Z
help-key-menus = F10 o Alt
help-does-menus = abrir el menú Archivo (las flechas recorren los menús)
help-key-slides = En la presentación (F5): flecha derecha, Av Pág, Espacio / flecha izquierda, Re Pág; 1–9 y 0 (objetivo 10), dos cifras seguidas para el 11 en adelante (1 y 2: objetivo 12); Inicio / Fin; O; Esc
help-does-slides = diapositiva siguiente / anterior; la de ese objetivo; primera / última; orden de los indicadores; salir
help-figures = Qué significan las cifras
help-figures-types = Avance de un indicador = ejecutado al corte ÷ programado de la vigencia × 100. Según el tipo de anualización, el ejecutado al corte es la suma de los trimestres reportados (suma), el último nivel reportado (creciente, constante) o la reducción lograda desde la línea base (decreciente). Un trimestre sin reporte no es 0; un 0 reportado sí.
help-figures-cap = El avance real se muestra tal cual (110 % es 110 %). En el promedio del objetivo cada indicador cuenta entre 0 % y 100 %: lo que cuenta se ve entre paréntesis junto a la cifra, p. ej. 120,00 % (100).
help-figures-average = Avance de un objetivo = promedio ponderado de sus indicadores programados en la vigencia, dividido por la suma real de sus ponderaciones (un aviso dice si no suman 100 %). Todo se calcula exacto y se redondea al mostrar: 2 decimales, la mitad hacia arriba.
help-figures-cut = El corte (barra de herramientas, vigencia y trimestre) es el del plan: todas las cifras se leen a ese corte, cambiarlo es un paso que Ctrl+Z deshace, y se guarda con el plan. Para ver cortes anteriores: la tendencia de cada objetivo, o «avance report --cut 2022-T1».
help-figures-not-current = Un indicador programado sin reporte del trimestre del corte no está al día: su cifra es la del último trimestre reportado y lo dice («al T1»), en la tabla, en las diapositivas, en el informe y en la exportación. El objetivo dice cuántos de sus indicadores están así.
help-files = Dónde están sus archivos
help-no-file = (el plan aún no tiene archivo)
help-plan-file = Plan: { $path }
help-backups = Al guardar, la versión anterior queda junto al plan como NOMBRE.ron.bak; la de un archivo con comentarios escritos a mano, como NOMBRE.con-comentarios.ron.
help-data-folder = Copias de recuperación y preferencias: { $path }
help-version = Avance, versión { $version }
menu-help = Ayuda
welcome-line = Este es el plan de ejemplo del Sector Gestión Pública (corte 31/03/2022). Para empezar: elija un objetivo en el árbol de la izquierda, y cambie el corte arriba para ver otro trimestre.
welcome-dismiss = Entendido
app-imported-nothing-changed = Leído de { $path }; el plan no cambió.
app-imported-from = Leído de { $path }; el plan aún no está guardado.
app-exported-to = Plan exportado al corte { $cut } en { $path }
grid-comment-missing = Avance bajo sin comentario: el comité pedirá la razón. Clic para escribirla.

## Forecast
report-csv-remaining = Falta
report-csv-projected = Proyección T4
report-projected = proyección al cierre: { $projected }
forecast-not-programmed = sin programación en la vigencia: nada que proyectar
forecast-reached = programación alcanzada
forecast-no-quarters-left = faltan { $remaining }; sin trimestres restantes
forecast-suma = faltan { $remaining } en { $quarters ->
        [one] 1 trimestre
       *[other] { $quarters } trimestres
    }: { $per_quarter } por trimestre
forecast-level = faltan { $remaining } para llegar al nivel programado en { $quarters ->
        [one] 1 trimestre
       *[other] { $quarters } trimestres
    }
forecast-down = debe bajar { $remaining } más en { $quarters ->
        [one] 1 trimestre
       *[other] { $quarters } trimestres
    }
forecast-projected = a este ritmo, la vigencia cierra en { $executed }: { $progress }
forecast-no-pace = sin reportes aún: no hay ritmo que proyectar (cuenta 0 %)
grid-remaining-heading = Falta
grid-remaining-hint = Lo que falta para llegar al 100 % de la programación de la vigencia
grid-projected-heading = Proyección T4
grid-projected-hint = El avance con que cerraría la vigencia al ritmo actual
grid-objective-projected = Proyección del objetivo: promedio ponderado de las proyecciones
## Comparar dos planes (avance diff, Archivo → Comparar con…)
place-entity = entidad { $number }
place-meta = meta { $code }
place-meta-without-code = meta sin código
place-indicator-without-code = indicador { $label } «{ $name }» de { $entity }
place-indicator-without-code-or-entity = indicador { $label } «{ $name }»
match-repeated-objective = { $file } tiene dos objetivos con el número { $number }: no se puede saber cuál es cuál al comparar o consolidar. Corrija el archivo (avance validate lo señala) y vuelva a intentarlo.
diff-subject-title = título
diff-subject-sector = sector
diff-subject-sector-mission = misión del sector
diff-subject-name = nombre
diff-subject-mission = misión
diff-subject-vision = visión
diff-subject-objective-text = texto
diff-subject-responsible-entity = entidad responsable
diff-subject-unit = unidad
diff-subject-annualization = tipo de anualización
diff-subject-indicator-kind = tipo de indicador
diff-subject-cap = tope del 100 % en el promedio
diff-subject-red-below = semáforo: rojo por debajo de
diff-subject-yellow-below = semáforo: amarillo por debajo de
diff-subject-green-up-to = semáforo: verde hasta
diff-subject-language = idioma
diff-subject-meta-order = orden de las metas
diff-subject-indicator-order = orden de los indicadores
diff-quoted = «{ $text }»
diff-empty = (vacío)
diff-not-reported = sin reporte
diff-no-comment = sin comentario
diff-yes = sí
diff-no = no
diff-item-entity = entidad «{ $name }»
diff-item-objective = objetivo «{ $text }»
diff-item-meta = meta «{ $name }» ({ $indicators ->
        [one] 1 indicador
       *[other] { $indicators } indicadores
    })
diff-item-indicator = indicador «{ $name }»
diff-changed = { $old } → { $new }
diff-identical = { $a } y { $b } son idénticos: ninguna diferencia.
diff-heading = De { $a } a { $b }: { $count ->
        [one] 1 diferencia
       *[other] { $count } diferencias
    }
diff-progress-heading = Avance al corte { $cut } ({ $a } → { $b }):
diff-objective-progress = Objetivo { $number }: { $a } → { $b }
diff-objective-progress-moved = Objetivo { $number }: { $a } → { $b } ({ $delta })
cli-diff-cut-outside-periods = El corte { $cut } está fuera del periodo de ambos planes.
cli-merge-conflict = conflicto: { $text }
cli-merge-resolved = resuelto, gana { $source }: { $text }
cli-merge-unresolved = { $count ->
        [one] 1 conflicto sin resolver
       *[other] { $count } conflictos sin resolver
    }: no se escribió nada. Use --prefer ARCHIVO para decir qué archivo gana (el de una entidad o el del sector; puede repetirse: gana el primero que aplique).
cli-merge-prefer-unknown = --prefer { $path } no es ninguno de los archivos dados (el del sector o los de las entidades).
cli-merge-taken = { $file }: { $figures ->
        [one] trae 1 cifra cambiada
       *[other] trae { $figures } cifras cambiadas
    }; tiene { $indicators ->
        [one] 1 indicador
       *[other] { $indicators } indicadores
    } del sector
cli-merge-changed = Cifras cambiadas en el plan del sector: { $count }.
cli-merge-sector-only = { $count ->
        [one] 1 indicador del sector no está en ningún archivo de entidad: conserva sus cifras.
       *[other] { $count } indicadores del sector no están en ningún archivo de entidad: conservan sus cifras.
    }
cli-merge-added = { $count ->
        [one] 1 indicador agregado desde un archivo de entidad.
       *[other] { $count } indicadores agregados desde archivos de entidad.
    }
diff-added = nuevo: { $item }
diff-removed = quitado: { $item }

## Consolidar los archivos de las entidades (avance merge, Archivo → Consolidar…)
merge-conflict-differ = cada archivo trae un cambio distinto: { $values } (en { $sector }: { $value })
merge-conflict-not-in-sector = { $entity } { $count ->
        [one] tiene
       *[other] tienen
    } este indicador y el plan del sector no
merge-conflict-would-erase = el plan del sector tiene { $value } y { $entity } no lo { $count ->
        [one] tiene
       *[other] tienen
    } (la entidad lo borró, o se agregó en el sector después de tomar la copia): consolidar lo borraría
merge-conflict-ambiguous = { $entity } tiene { $in_file ->
        [one] 1 indicador
       *[other] { $in_file } indicadores
    } con esta clave (el mismo código, o la misma entidad y nombre) en esta meta y el plan del sector { $in_sector }: no se puede saber cuál es cuál
merge-choice-value = { $source }: { $value }
merge-choice-add = agregarlo desde { $source }
merge-choice-leave-out = dejarlo fuera, como en { $source }
merge-choice-keep = conservar las cifras de { $source }, sin tomar nada del archivo
compare-this-plan = este plan
merge-this-plan = este plan
command-compare = Comparar con…
command-consolidate = Consolidar…
compare-could-not-read = No se pudo comparar
compare-with-plan = Comparar con otro plan
compare-button = Comparar
compare-window-title = Comparación con { $name }
compare-swap = Invertir
compare-swap-hint = Leer las diferencias en el otro sentido
compare-click-go-to = Clic para ir a donde está en este plan
merge-no-file-chosen = No se eligió ningún archivo: escriba su ruta.
merge-file-already-listed = { $name } ya está en la lista.
merge-nothing-changed = Consolidado: los archivos de las entidades no cambian nada de este plan.
merge-done = Consolidado: { $figures ->
        [one] 1 cifra cambiada
       *[other] { $figures } cifras cambiadas
    } desde { $files ->
        [one] 1 archivo de entidad
       *[other] { $files } archivos de entidad
    }{ $added ->
        [0] {""}
        [one] , 1 indicador agregado
       *[other] , { $added } indicadores agregados
    }. Ctrl+Z lo deshace; el plan aún no está guardado.
merge-title = Consolidar los archivos de las entidades
merge-explanation = Cada archivo de entidad, una parte del plan o una copia completa, se compara con este plan: una cifra que un archivo cambió se toma; una que ningún archivo cambió se queda. Dos archivos que cambian la misma cifra de forma distinta, o una cifra que este plan tiene y un archivo no, son conflictos: elija qué gana. Los textos, la configuración y el corte de este plan se quedan. Un Ctrl+Z lo deshace todo.
merge-entity-files = Archivos de entidad:
merge-no-files-yet = ninguno todavía
merge-file-line = { $name }: { $figures ->
        [one] trae 1 cifra cambiada
       *[other] trae { $figures } cifras cambiadas
    } ({ $count ->
        [one] 1 indicador de este plan
       *[other] { $count } indicadores de este plan
    })
merge-remove-file = Quitar { $name } de la lista
merge-pick-file = Elegir archivo…
merge-or-type-path = o escriba su ruta:
merge-add-file = Añadir
merge-no-conflicts = Sin conflictos: todo se puede consolidar.
merge-conflicts-heading = { $count ->
        [one] 1 conflicto
       *[other] { $count } conflictos
    } ({ $unresolved } sin elegir).
merge-prefer-everywhere = Que gane en todos:
merge-consolidate = Consolidar
merge-choose-first = Elija primero qué gana en cada conflicto
merge-remove = Quitar
compare-more-differences = … y { $count ->
        [one] 1 diferencia más
       *[other] { $count } diferencias más
    } (avance diff las lista todas).

## Objectives: a new plan, removing one
new-plan-title = Nuevo plan
new-plan-question = Los datos del plan; todo se puede cambiar después en Plan y entidades.
new-plan-objectives-label = Número de objetivos
new-plan-create = Crear
new-plan-objectives-not-a-number = escriba un número entero de 1 a { $max }
new-plan-objectives-out-of-range = un plan tiene de 1 a { $max } objetivos
remove-objective-title = ¿Eliminar el objetivo { $number }?
remove-objective-text = { $indicators ->
    [one] El objetivo { $number } tiene 1 indicador, que se elimina con él.
   *[other] El objetivo { $number } tiene { $indicators } indicadores, que se eliminan con él.
} Los objetivos siguientes bajan un número. Ctrl+Z lo deshace.
remove-objective-confirm = Eliminar objetivo
## Archivos por entidad (avance split)
split-no-indicators = El plan no tiene indicadores: no hay nada que entregar a las entidades.
split-file-exists = Ese archivo ya existe; elija otra carpeta (o use --force en la línea de órdenes para reemplazarlo): { $path }
split-not-a-folder = Los archivos de las entidades van en una carpeta, y «{ $path }» es un archivo: escriba el nombre de una carpeta (se crea si no existe).
split-folder-failed = No se pudo crear la carpeta ({ $detail }): { $path }
split-write-failed = No se escribieron los archivos de las entidades: uno no se pudo escribir o reemplazar ({ $detail }). Los archivos de la carpeta quedaron como estaban: { $path }
split-stranded = No se escribieron los archivos de las entidades, y al deshacer lo hecho un archivo no pudo volver a su versión anterior ({ $detail }): la versión anterior está en { $kept_in }. Archivo: { $path }
split-no-entity-file = sin-entidad
split-no-entity = (sin entidad responsable)
split-written = { $entity }: { $count ->
        [one] 1 indicador
       *[other] { $count } indicadores
    }, en { $path }
split-summary = { $count ->
        [one] 1 archivo escrito
       *[other] { $count } archivos escritos
    } en { $path }. Cada entidad escribe sus cifras en el suyo; después se reúnen con avance merge, o con Consolidar… en el menú Archivo.

## Ponderaciones de una vigencia (avance reweight)
reweight-source-earlier = proporcionales a las ponderaciones de { $vigencia }; un indicador sin ponderación en { $vigencia } recibe el promedio de los demás
reweight-source-equal-asked = iguales, como se pidió
reweight-source-equal-no-earlier = iguales: ninguna vigencia anterior tiene ponderaciones para estos indicadores
reweight-source-none-programmed = ningún indicador está programado en { $vigencia }: sin ponderaciones
reweight-objective-line = Objetivo { $number } · { $vigencia }: { $source }
reweight-indicator-line = { $indicator } «{ $name }»: { $current } → { $proposed }
reweight-not-programmed = vacía (no programado)
reweight-total-line = Total: { $current } → { $proposed }
reweight-empty = vacía
reweight-no-change = Las ponderaciones ya son las propuestas; el archivo no se modificó.
reweight-changed = { $count ->
        [one] 1 ponderación cambiada
       *[other] { $count } ponderaciones cambiadas
    } en { $vigencia }.
reweight-vigencia-outside-period = La vigencia { $vigencia } no está en el período del plan ({ $first }–{ $last }).
reweight-no-objective = El plan no tiene el Objetivo { $number }.
reweight-refused-repeated-objective = No se proponen ponderaciones: dos objetivos tienen el número { $number } y no se puede saber cuál es cuál. Corrija el archivo primero (avance validate lo señala).
reweight-refused-negative-weight = No se proponen ponderaciones: el indicador { $indicator } del objetivo { $objective } tiene en { $vigencia } una ponderación negativa ({ $weight }). Corríjala primero (avance validate la señala).
reweight-has-comments = El archivo tiene comentarios escritos a mano (el primero en la línea { $line }, columna { $column }) y guardar los quitaría. Use --force para guardarlo sin ellos (la versión actual queda como copia .bak): { $path }
reweight-title = Ajustar ponderaciones
reweight-objective = Objetivo
reweight-vigencia = Vigencia
reweight-equal = Ponderaciones iguales
reweight-column-indicator = Indicador
reweight-column-current = Actual
reweight-column-proposed = Propuesta
reweight-apply = Aplicar
reweight-cancel = Cancelar
reweight-nothing-to-apply = Las ponderaciones ya son las propuestas.
command-reweight = Ajustar ponderaciones…
command-split = Preparar archivos por entidad…
split-done-title = Archivos por entidad
split-failed-title = No se prepararon los archivos
split-write = Escribir
reweight-column-total = Total
split-folder-suffix = entidades

## The plan's frame: period and entities (Archivo → Nuevo, Plan y entidades)
period-last-before-first = la última vigencia ({ $last }) es anterior a la primera ({ $first })
period-too-long = un plan abarca como máximo { $max } vigencias; de { $first } a { $last } son más
entity-name-empty = escriba el nombre de la entidad
entity-name-repeated = la entidad «{ $name }» ya está en el plan
entity-name-none = escriba al menos una entidad, una por línea
problem-entity-not-in-plan = la entidad responsable «{ $name }» no está entre las entidades del plan
new-plan-first-label = Primera vigencia
new-plan-last-label = Última vigencia
new-plan-entities-label = Entidades (una por línea)
new-plan-objectives-hint = de 1 a { $max }; se pueden añadir y quitar después
new-plan-year-not-a-year = «{ $text }» no es una vigencia: escriba el año con cuatro cifras, p. ej. 2024
details-entities = Entidades
details-new-entity = Nueva entidad
details-add-entity = + Añadir entidad
details-remove-entity = Eliminar entidad…
details-remove-entity-hint = Quita la entidad del plan; si algún indicador la nombra, pregunta antes
details-entity-rename-hint = { $indicators ->
    [0] Ningún indicador la nombra como entidad responsable
    [one] Al renombrarla cambia también en el indicador que la nombra (un solo Ctrl+Z)
   *[other] Al renombrarla cambia también en los { $indicators } indicadores que la nombran (un solo Ctrl+Z)
}
details-apply-period = Aplicar periodo
details-apply-period-hint = Si el nuevo periodo deja fuera vigencias con cifras, pregunta antes y dice cuántas se eliminan
remove-entity-title = ¿Eliminar la entidad «{ $name }»?
remove-entity-text = { $indicators ->
    [one] 1 indicador la nombra como entidad responsable. Conserva ese nombre, y la validación avisará que no está entre las entidades del plan.
   *[other] { $indicators } indicadores la nombran como entidad responsable. Conservan ese nombre, y la validación avisará que no está entre las entidades del plan.
}
remove-entity-confirm = Eliminar entidad
shorten-period-title = ¿Cambiar el periodo?
shorten-period-text = { $figures ->
    [one] El periodo { $first }–{ $last } deja fuera 1 cifra (programación, ponderación, ejecución o comentario), que se elimina. Ctrl+Z la devuelve.
   *[other] El periodo { $first }–{ $last } deja fuera { $figures } cifras (programación, ponderaciones, ejecuciones y comentarios), que se eliminan. Ctrl+Z las devuelve.
}
shorten-period-confirm = Cambiar el periodo
details-entity-number = Entidad { $number }
details-pick-entity = Elegir…
details-pick-entity-name = Elegir entidad responsable
details-pick-entity-hint = Las entidades del plan (Plan y entidades); también se puede escribir otro nombre, que la validación señala
command-open-example = Abrir plan de ejemplo
app-last-plan-not-opened-title = No se abrió el último plan usado
