/** `/population`: the council's population figures, uploaded as CSV, for "who we are and are not hearing from". */
import type { FieldError } from '../../errors';
import { POPULATION_GROUPS, type PopulationRow } from '../../services/population';
import { ErrorSummary, ScrollRegion } from './fields';
import { StaffShell, type StaffUser } from './staff-shell';

export function PopulationPage({
  user,
  figures,
  errors,
  csv,
  done,
}: {
  user: StaffUser;
  figures: PopulationRow[];
  errors: FieldError[];
  csv: string;
  done?: string | undefined;
}) {
  return (
    <StaffShell title={`${errors.length ? 'Error: ' : ''}Population figures`} user={user} current="dashboard">
      <h1>Population figures</h1>
      <p>
        Give the number of people in each group in your area (for example from Census 2021), and the quarterly report shows each group’s share of responses
        against its share of the population, the groups you are not hearing from first.
      </p>
      <ErrorSummary errors={errors} />
      {done && (
        <div class="ok-banner" role="status">
          <h2>{done}</h2>
        </div>
      )}
      <form method="post" action="/population" enctype="multipart/form-data" class="narrow">
        <div class="fg">
          <label class="lbl" for="file">
            A CSV file
          </label>
          <p class="hint" id="file-hint">
            Columns <code>dimension,group,count</code>, and if you like <code>locality</code> (blank for the whole area) and <code>source</code>. Dimensions and
            their groups:{' '}
            {Object.entries(POPULATION_GROUPS)
              .map(([dimension, groups]) => `${dimension} (${groups.join(', ')})`)
              .join('; ')}
            .
          </p>
          <input class="input" type="file" id="file" name="file" accept=".csv,text/csv" aria-describedby="file-hint" />
        </div>
        <div class={errors.length ? 'fg fg-err' : 'fg'}>
          <label class="lbl" for="csv">
            Or paste it here
          </label>
          <textarea class="input" id="csv" name="csv" rows={8} spellcheck={false}>
            {csv}
          </textarea>
        </div>
        <button class="btn inline" type="submit">
          Upload
        </button>
      </form>
      <h2>Figures held</h2>
      {figures.length ? (
        <ScrollRegion label="Figures held">
          <table class="tbl">
            <thead>
              <tr>
                <th scope="col">Dimension</th>
                <th scope="col">Area</th>
                <th scope="col">Group</th>
                <th scope="col" class="num">
                  People
                </th>
                <th scope="col">Source</th>
              </tr>
            </thead>
            <tbody>
              {figures.map((row) => (
                <tr key={`${row.dimension}-${row.locality}-${row.group}`}>
                  <td>{row.dimension}</td>
                  <td>{row.locality || 'Whole area'}</td>
                  <td>{row.group}</td>
                  <td class="num">{row.count.toLocaleString('en-GB')}</td>
                  <td>{row.source ?? ''}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollRegion>
      ) : (
        <p>None yet.</p>
      )}
    </StaffShell>
  );
}
