import { ToggleButton, ToggleButtonGroup } from "@mui/material";
import { useTranslation } from "react-i18next";
import { LANGUAGES, setLanguage, type Language } from "../i18n";

export function LanguageSwitch({ inverted = false }: { inverted?: boolean }) {
  const { t, i18n } = useTranslation();
  return (
    <ToggleButtonGroup
      size="small"
      exclusive
      value={i18n.language}
      aria-label={t("app.language")}
      onChange={(_, value: Language | null) => value && setLanguage(value)}
      sx={inverted ? { "& .MuiToggleButton-root": { color: "inherit", borderColor: "rgba(255,255,255,0.5)" }, "& .Mui-selected": { bgcolor: "rgba(255,255,255,0.2) !important", color: "inherit !important" } } : undefined}
    >
      {LANGUAGES.map((language) => (
        <ToggleButton key={language} value={language}>
          {language.toUpperCase()}
        </ToggleButton>
      ))}
    </ToggleButtonGroup>
  );
}
