//! The command line: open a plan in the window, or print a report, or check a plan.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::builder::PossibleValue;
use clap::{Parser, Subcommand, ValueEnum};

use crate::io::export::ExportFormat;
use crate::io::{export, import, plan_file, report, safe_write};
use crate::model::validation::{FindingCounts, Severity, has_errors, validate};
use crate::model::{Cut, Language, Plan};

/// Avance: follow a sector strategic plan's progress, quarter by quarter.
#[derive(Debug, Parser)]
#[command(
    name = "avance",
    version,
    about,
    args_conflicts_with_subcommands = true
)]
pub struct Cli {
    /// Plan file (.ron) to open in the window; without it, the seed's plan.
    pub file: Option<PathBuf>,
    #[command(subcommand)]
    pub command: Option<CliCommand>,
}

/// What to do without opening the window.
#[derive(Debug, Subcommand)]
pub enum CliCommand {
    /// Print the plan's progress at a cut.
    Report {
        /// Plan file (.ron).
        file: PathBuf,
        /// The cut: 2022-Q1 (or 31/03/2022); default the plan's own cut.
        #[arg(long)]
        cut: Option<Cut>,
        /// Text (a table to read), JSON or CSV.
        #[arg(long, value_enum, default_value_t = ReportFormat::Text)]
        format: ReportFormat,
        /// Language of the text and CSV reports; default the plan's.
        #[arg(long, value_enum)]
        lang: Option<LangArg>,
    },
    /// Check a plan and print what is wrong; exits 1 when there are errors.
    Validate {
        /// Plan file (.ron).
        file: PathBuf,
        /// Language of the messages; default the plan's.
        #[arg(long, value_enum)]
        lang: Option<LangArg>,
    },
    /// Rewrite a plan file in its canonical layout (stable order, one field per line); the
    /// previous version is kept as FILE.bak.
    Fmt {
        /// Plan file (.ron).
        file: PathBuf,
        /// Rewrite it even when it has hand-written comments (the layout has no place for
        /// them: they are dropped; FILE.bak keeps them).
        #[arg(long)]
        force: bool,
    },
    /// Build a plan from an indicator matrix (.tsv, .csv or .xlsx laid out like the seed's
    /// tables, with an Objetivo column).
    Import {
        /// The matrix to read.
        file: PathBuf,
        /// The plan file to write (.ron).
        #[arg(short, long)]
        output: PathBuf,
        /// Skip the rows with problems (they are listed) instead of stopping.
        #[arg(long)]
        lenient: bool,
        /// Take the texts a matrix does not carry (title, missions, visions, objective texts,
        /// settings) from this plan file.
        #[arg(long, value_name = "PLAN.ron")]
        into: Option<PathBuf>,
        /// Replace the output file if it exists.
        #[arg(long)]
        force: bool,
        /// Read only this sheet of an .xlsx workbook (even a hidden one); without it, every
        /// visible sheet.
        #[arg(long, value_name = "NAME")]
        sheet: Option<String>,
        /// Language of the messages; default Spanish.
        #[arg(long, value_enum)]
        lang: Option<LangArg>,
    },
    /// Write the plan at a cut as an Excel workbook or CSV.
    Export {
        /// Plan file (.ron).
        file: PathBuf,
        /// Excel workbook or CSV.
        #[arg(long, value_enum)]
        format: ExportFormat,
        /// The file to write.
        #[arg(short, long)]
        output: PathBuf,
        /// The cut: 2022-Q1 (or 31/03/2022); default the plan's own cut.
        #[arg(long)]
        cut: Option<Cut>,
        /// Replace the output file if it exists.
        #[arg(long)]
        force: bool,
    },
}

/// `--format xlsx` or `--format csv`: the export's own formats.
impl ValueEnum for ExportFormat {
    fn value_variants<'a>() -> &'a [Self] {
        &ExportFormat::ALL
    }

    fn to_possible_value(&self) -> Option<PossibleValue> {
        Some(PossibleValue::new(self.extension()))
    }
}

/// Report formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ReportFormat {
    Text,
    Json,
    Csv,
}

/// Languages on the command line.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum LangArg {
    Es,
    En,
}

impl From<LangArg> for Language {
    fn from(lang: LangArg) -> Self {
        match lang {
            LangArg::Es => Language::Es,
            LangArg::En => Language::En,
        }
    }
}

/// Runs a command; what it prints goes to stdout, problems to stderr.
pub fn run(command: CliCommand) -> ExitCode {
    match command {
        CliCommand::Report {
            file,
            cut,
            format,
            lang,
        } => with_plan(&file, lang, |plan, language| {
            let cut = cut.unwrap_or(plan.cut);
            if !plan.period.contains(cut.vigencia) {
                eprintln!(
                    "{}",
                    match language {
                        Language::Es => format!(
                            "El corte {} está fuera del periodo del plan ({}–{}).",
                            cut.date(),
                            plan.period.first,
                            plan.period.last
                        ),
                        Language::En => format!(
                            "The cut {} is outside the plan's period ({}–{}).",
                            cut.date(),
                            plan.period.first,
                            plan.period.last
                        ),
                    }
                );
                return ExitCode::from(2);
            }
            let text = match format {
                ReportFormat::Text => report::to_text(plan, cut, language),
                ReportFormat::Json => report::to_json(plan, cut),
                ReportFormat::Csv => report::to_csv(plan, cut, language),
            };
            print!("{text}");
            ExitCode::SUCCESS
        }),
        CliCommand::Validate { file, lang } => with_plan(&file, lang, |plan, language| {
            let findings = validate(plan);
            for finding in &findings {
                let tag = match (finding.severity(), language) {
                    (Severity::Error, _) => "error",
                    (Severity::Warning, Language::Es) => "aviso",
                    (Severity::Warning, Language::En) => "warning",
                };
                println!("{tag}: {}", finding.message(language));
            }
            println!("{}", FindingCounts::of(&findings).text(language));
            if has_errors(&findings) {
                ExitCode::FAILURE
            } else {
                ExitCode::SUCCESS
            }
        }),
        CliCommand::Import {
            file,
            output,
            lenient,
            into,
            force,
            sheet,
            lang,
        } => {
            let language = lang.map_or(Language::Es, Language::from);
            if let Some(code) = refuse_overwrite(&output, force, language) {
                return code;
            }
            let base = match into.as_deref().map(plan_file::load).transpose() {
                Ok(base) => base,
                Err(e) => {
                    eprintln!("{}", e.message(language));
                    return ExitCode::from(2);
                }
            };
            let request = import::ImportRequest {
                path: file,
                sheet,
                bad_rows: if lenient {
                    import::BadRows::Skip
                } else {
                    import::BadRows::Stop
                },
            };
            match request.run() {
                Ok(mut imported) => {
                    if let Some(base) = &base {
                        import::keep_texts_from(&mut imported.plan, base);
                    }
                    let report = imported.report(language);
                    let warning = crate::tr!(language, "cli-warning");
                    for line in &report.warnings {
                        eprintln!("{warning}: {line}");
                    }
                    if let Some(line) = &report.unlisted_warnings {
                        eprintln!("{line}");
                    }
                    if let Err(e) = plan_file::save(&imported.plan, &output) {
                        eprintln!("{}", e.message(language));
                        return ExitCode::FAILURE;
                    }
                    for line in &report.summary {
                        println!("{line}");
                    }
                    println!(
                        "{} {}",
                        crate::tr!(language, "cli-plan-written-to"),
                        output.display()
                    );
                    ExitCode::SUCCESS
                }
                Err(e) => {
                    eprintln!("{}", e.message(language));
                    if e.can_skip_bad_rows() {
                        eprintln!("{}", crate::tr!(language, "cli-fix-those-cells-or"));
                    }
                    ExitCode::FAILURE
                }
            }
        }
        CliCommand::Export {
            file,
            format,
            output,
            cut,
            force,
        } => with_plan(&file, None, |plan, language| {
            if let Some(code) = refuse_overwrite(&output, force, language) {
                return code;
            }
            let cut = cut.unwrap_or(plan.cut);
            match export::export(plan, cut, format, &output) {
                Ok(()) => ExitCode::SUCCESS,
                Err(e) => {
                    eprintln!("{}", e.message(language));
                    ExitCode::FAILURE
                }
            }
        }),
        CliCommand::Fmt { file, force } => fmt(&file, force),
    }
}

/// Rewrites a plan in canonical layout; refuses to drop hand-written comments without --force.
fn fmt(file: &std::path::Path, force: bool) -> ExitCode {
    let opened = match plan_file::open(file) {
        Ok(opened) => opened,
        Err(e) => {
            eprintln!("{}", e.message(Language::Es));
            return ExitCode::from(2);
        }
    };
    let language = opened.plan.settings.language;
    if let Some(at) = opened.comment.filter(|_| !force) {
        eprintln!(
            "{}",
            match language {
                Language::Es => format!(
                    "El archivo tiene comentarios escritos a mano (el primero en la línea {}, \
                     columna {}) y fmt los quitaría. Use --force para reescribirlo sin ellos \
                     (la versión actual queda como copia .bak): {}",
                    at.line,
                    at.column,
                    file.display()
                ),
                Language::En => format!(
                    "The file has hand-written comments (the first at line {}, column {}) and \
                     fmt would drop them. Use --force to rewrite it without them (the current \
                     version is kept as a .bak copy): {}",
                    at.line,
                    at.column,
                    file.display()
                ),
            }
        );
        return ExitCode::from(2);
    }
    match plan_file::save(&opened.plan, file) {
        Ok(_) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("{}", e.message(language));
            ExitCode::FAILURE
        }
    }
}

/// Refuses to replace an existing file unless `force`: files are never lost by accident. A
/// symbolic link counts as existing even when what it points to does not (yet).
fn refuse_overwrite(path: &std::path::Path, force: bool, language: Language) -> Option<ExitCode> {
    (safe_write::exists(path) && !force).then(|| {
        eprintln!(
            "{}",
            match language {
                Language::Es => format!(
                    "El archivo ya existe; use --force para reemplazarlo: {}",
                    path.display()
                ),
                Language::En => format!(
                    "The file already exists; use --force to replace it: {}",
                    path.display()
                ),
            }
        );
        ExitCode::from(2)
    })
}

/// Loads the plan and runs `f` in the chosen language (or the plan's), or reports why not.
fn with_plan(
    file: &std::path::Path,
    lang: Option<LangArg>,
    f: impl FnOnce(&Plan, Language) -> ExitCode,
) -> ExitCode {
    match plan_file::load(file) {
        Ok(plan) => {
            let language = lang.map_or(plan.settings.language, Language::from);
            f(&plan, language)
        }
        Err(e) => {
            eprintln!("{}", e.message(lang.map_or(Language::Es, Language::from)));
            ExitCode::from(2)
        }
    }
}
