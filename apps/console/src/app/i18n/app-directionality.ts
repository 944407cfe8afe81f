import { Directionality, type Direction } from '@angular/cdk/bidi';
import { Injectable } from '@angular/core';

/** The CDK's root direction, switchable at run time so menus, dialogs and the drawer follow the language. */
@Injectable({ providedIn: 'root' })
export class AppDirectionality extends Directionality {
  set(dir: Direction): void {
    if (this.value === dir) return;
    this.valueSignal.set(dir);
    this.change.emit(dir);
  }
}
