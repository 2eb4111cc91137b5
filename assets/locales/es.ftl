# Avance — textos en español (Bogotá). Los números llegan ya formateados: 50,24 %, 1.234,50.
# Cada id existe también en en.ftl (una prueba lo exige).

findings-count = { $errors ->
        [one] 1 error
       *[other] { $errors } errores
    } · { $warnings ->
        [one] 1 aviso
       *[other] { $warnings } avisos
    }

## Validación: dónde está cada hallazgo
place-objective = Objetivo { $number }
place-indicator = indicador { $label }
field-period = periodo
field-cut = corte
field-objective-number = número
field-code = código
field-baseline = línea base
field-declared-total = programación total
field-weight = ponderación { $vigencia }
field-programmed = programación { $vigencia }
field-executed = ejecutado { $vigencia } T{ $quarter }
field-comment = comentario { $vigencia } T{ $quarter }

## Validación: qué está mal
problem-period-reversed = el periodo { $first }–{ $last } está invertido
problem-cut-outside-period = el corte { $cut } está fuera del periodo { $first }–{ $last }
problem-objective-number-invalid = el número { $number } no está entre 1 y 5
problem-objective-number-repeated = el número { $number } está repetido
problem-negative-programming = la programación no puede ser negativa ({ $value })
problem-negative-weight = la ponderación no puede ser negativa ({ $value })
problem-missing-baseline = un indicador decreciente necesita línea base para calcular su avance
problem-baseline-equals-programming = la línea base es igual a la programación: no hay reducción que medir
problem-duplicate-code = el código { $code } está repetido en el objetivo
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
no-average-weights-zero = las ponderaciones de { $vigencia } suman 0: no hay por qué dividir
no-average-out-of-range = las ponderaciones son demasiado grandes para calcular el promedio

## Números escritos en una celda o leídos de un archivo
number-empty = El valor está vacío.
number-not-a-number = «{ $text }» no es un número: escriba, por ejemplo, 27,50.
number-ambiguous = «{ $text }» es ambiguo (¿miles o decimales?): escriba { $hint }.
number-ambiguous-hint = { $thousands } o { $decimals }
number-too-large = «{ $text }» es demasiado grande.

## La cuadrícula
cell-not-accepted = «{ $text }» no se aceptó: { $reason }
cell-refused-keeps-value = El plan conserva el valor anterior (Esc lo restaura en la celda).
progress-capped = Supera el tope: en el promedio del objetivo cuenta { $counts }
progress-floored = Es negativo: en el promedio del objetivo cuenta { $counts }
