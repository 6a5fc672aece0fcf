import java.io.File;
import org.omegat.gui.glossary.GlossaryEntry;
import org.omegat.gui.glossary.GlossaryReaderTSV;

/**
 * OmegaT's own glossary code, for the tests: `read FILE` prints what OmegaT loads from a tab-separated glossary
 * (a line per entry: Dutch, English, comment); `append FILE NL EN COMMENT` writes an entry as OmegaT's
 * "Add glossary entry" does.
 */
public class ReadGlossary {
  public static void main(String[] args) throws Exception {
    File file = new File(args[1]);
    if (args[0].equals("append")) {
      GlossaryReaderTSV.append(file, new GlossaryEntry(args[2], args[3], args[4], false));
      return;
    }
    for (GlossaryEntry e : GlossaryReaderTSV.read(file, false))
      System.out.println(e.getSrcText() + "\t" + e.getLocText() + "\t" + e.getCommentText());
  }
}
